#include <doctest/doctest.h>

#include <cairo.h>

#include "cli_runner.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "analysis/cooccurrence.h"
#include "analysis/crosstab.h"
#include "coding/error.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "coding/segments.h"
#include "exporters/heatmap.h"
#include "exporters/matrix_table.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;

namespace {

// Kommune A and Kommune B; "Faglig tryghed" and "Sparring og faglig ledelse"
// overlap twice in B and once in A, "Motivation" stands alone in A.
struct Study {
    testing::ScratchDir dir;
    Project project = Project::create(dir / "matrix.fokus");
    std::vector<CodeItem> items;

    Study() {
        project.set_coder("Testkoder");
        const Id a = testing::add_focus_group(project, "Ledere Kommune A", "Kommune A");
        const Id b = testing::add_focus_group(project, "Rådgivere Kommune B", "Kommune B");
        CodeStore codes(project);
        const Id tryghed = codes.resolve("Faglig tryghed").id;
        const Id sparring = codes.resolve("Sparring og faglig ledelse").id;
        const Id motivation = codes.resolve("Motivation").id;
        const auto& text = testing::focus_group_text;
        CodingStore codings(project);
        codings.add(a, tryghed, testing::span_of(text, "Så føler man sig tryg i sin faglighed."));
        codings.add(a, sparring, testing::span_of(text, "man sig tryg"));
        codings.add(a, motivation, testing::span_of(text, "Man gør en forskel for familierne"));
        codings.add(b, tryghed, testing::span_of(text, "Vi får sparring, og lederen står bag os"));
        codings.add(b, sparring, testing::span_of(text, "Vi får sparring"));
        codings.add(b, sparring, testing::span_of(text, "lederen står bag os"));
        items = {resolve_item(project, "Faglig tryghed"), resolve_item(project, "Sparring og faglig ledelse"),
                 resolve_item(project, "Motivation")};
    }

    CooccurrenceMatrix matrix() { return cooccurrence(load_segments(project, {}), items, {}); }
    Crosstab by_municipality() {
        return crosstab(project, items, {}, parse_attribute("municipality"), CrosstabCount::Codings);
    }
};

std::uint32_t pixel(const exporters::HeatmapImage& image, int x, int y) {
    return *reinterpret_cast<const std::uint32_t*>(&image.pixels[static_cast<std::size_t>(y * image.stride + x * 4)]);
}

}  // namespace

TEST_CASE("the co-occurrence table holds each measure beside the codes' own counts") {
    Study s;
    const auto pairs = exporters::cooccurrence_table(s.matrix(), exporters::CooccurrenceMeasure::Pairs);
    CHECK(pairs.header == std::vector<std::string>{"Kode", "Segmenter i alt", "Faglig tryghed",
                                                   "Sparring og faglig ledelse", "Motivation"});
    REQUIRE(pairs.rows.size() == 3);
    CHECK(std::get<std::string>(pairs.rows[0][0]) == "Faglig tryghed");
    CHECK(std::get<double>(pairs.rows[0][1]) == 2);  // its own segments
    CHECK(std::get<double>(pairs.rows[0][3]) == 3);  // with Sparring: one pair in A, two in B
    CHECK(std::get<double>(pairs.rows[1][2]) == 3);
    CHECK(std::get<double>(pairs.rows[0][4]) == 0);
    const auto documents = exporters::cooccurrence_table(s.matrix(), exporters::CooccurrenceMeasure::Documents);
    CHECK(std::get<double>(documents.rows[0][3]) == 2);
    const auto sheets = exporters::cooccurrence_tables(s.matrix());
    REQUIRE(sheets.size() == 5);
    CHECK(sheets[3].title == "c-koefficient");
    CHECK(exporters::to_csv(pairs).find("Faglig tryghed,2,2,3,0\r\n") != std::string::npos);
}

TEST_CASE("the crosstab table carries counts, totals and percentages per municipality") {
    Study s;
    const auto table = s.by_municipality();
    const auto counts = exporters::crosstab_table(table, exporters::CrosstabShare::Count);
    CHECK(counts.header == std::vector<std::string>{"Kode", "Kommune A", "Kommune B", "I alt"});
    REQUIRE(counts.rows.size() == 4);
    CHECK(std::get<double>(counts.rows[1][1]) == 1);  // Sparring in A
    CHECK(std::get<double>(counts.rows[1][2]) == 2);  // Sparring in B
    CHECK(std::get<std::string>(counts.rows[3][0]) == "I alt");
    CHECK(std::get<double>(counts.rows[3][3]) == 6);
    const auto rows = exporters::crosstab_table(table, exporters::CrosstabShare::RowPercent);
    CHECK(std::get<double>(rows.rows[1][2]) == doctest::Approx(200.0 / 3));
    CHECK(std::get<double>(rows.rows[1][3]) == 100);
    CHECK(rows.rows.size() == 3);  // no total row for shares
}

TEST_CASE("the heatmap shades the strongest cell darkest and greys a code with itself") {
    Study s;
    const auto heatmap = exporters::cooccurrence_heatmap(s.matrix(), exporters::CooccurrenceMeasure::Pairs);
    CHECK(heatmap.caption.find("par af kodede segmenter") != std::string::npos);
    const auto image = exporters::render_heatmap(heatmap);
    REQUIRE(image.width > 200);
    REQUIRE(image.height > 150);
    // The strongest value (3 pairs, Tryghed × Sparring and its mirror) is filled with the
    // deep end of the scale: two cells' worth of that exact blue, less their digits.
    int deep = 0;
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            const auto p = pixel(image, x, y);
            const auto red = (p >> 16) & 0xFF, blue = p & 0xFF;
            deep += red < 12 && blue > 100 && blue < 115;
        }
    }
    CHECK(deep > 2 * 28 * 28);
    CHECK(deep <= 2 * 34 * 34);
}

TEST_CASE("heatmaps are written as PNG and SVG with the names in them, and other formats are refused") {
    Study s;
    const auto heatmap = exporters::crosstab_heatmap(s.by_municipality(), exporters::CrosstabShare::RowPercent);
    CHECK(heatmap.title == "Koder efter kommune");
    CHECK(heatmap.caption == "Procent af kodens kodninger (række).");
    exporters::write_heatmap(s.dir / "kommuner.png", heatmap);
    cairo_surface_t* png = cairo_image_surface_create_from_png((s.dir / "kommuner.png").c_str());
    REQUIRE(cairo_surface_status(png) == CAIRO_STATUS_SUCCESS);
    CHECK(cairo_image_surface_get_width(png) == exporters::render_heatmap(heatmap, 2.0).width);
    cairo_surface_destroy(png);

    exporters::write_heatmap(s.dir / "kommuner.svg", heatmap);
    const std::string svg = testing::read_file(s.dir / "kommuner.svg");
    CHECK(svg.find("<svg") != std::string::npos);

    CHECK_THROWS_AS(exporters::write_heatmap(s.dir / "kommuner.pdf", heatmap), InputError);
    CHECK_FALSE(std::filesystem::exists(s.dir / "kommuner.pdf"));
    exporters::Heatmap broken = heatmap;
    broken.values.pop_back();
    CHECK_THROWS_AS(exporters::render_heatmap(broken), InputError);
}

TEST_CASE("export-matrix writes what the extension asks for and refuses the rest") {
    Study s;
    // The command line opens its own copy, as a second program would.
    s.project.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    std::filesystem::copy_file(s.dir / "matrix.fokus", s.dir / "kopi.fokus");
    const auto project = (s.dir / "kopi.fokus").string();
    auto result = testing::run_cli(s.dir, {"export-matrix", project, (s.dir / "samforekomst.xlsx").string()});
    CHECK(result.exit_code == 0);
    CHECK(std::filesystem::file_size(s.dir / "samforekomst.xlsx") > 1000);

    result = testing::run_cli(s.dir, {"export-matrix", project, (s.dir / "kommuner.csv").string(), "--by", "municipality",
                                      "--code", "Faglig tryghed", "--code", "Sparring og faglig ledelse"});
    REQUIRE(result.exit_code == 0);
    CHECK(testing::read_file(s.dir / "kommuner.csv") ==
          "\xEF\xBB\xBF" "Kode,Kommune A,Kommune B,I alt\r\n"
          "Faglig tryghed,1,1,2\r\n"
          "Sparring og faglig ledelse,1,2,3\r\n"
          "I alt,2,3,5\r\n");

    result = testing::run_cli(s.dir, {"export-matrix", project, (s.dir / "samforekomst.png").string(), "--measure", "jaccard"});
    CHECK(result.exit_code == 0);
    CHECK(testing::read_file(s.dir / "samforekomst.png").substr(1, 3) == "PNG");

    const std::string before = testing::read_file(project);
    result = testing::run_cli(s.dir, {"export-matrix", project, (s.dir / "samforekomst.doc").string()});
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("samforekomst.doc") != std::string::npos);
    result = testing::run_cli(s.dir, {"export-matrix", project, (s.dir / "x.csv").string(), "--by", "kommunenavn_findes_ikke"});
    CHECK(result.exit_code != 0);
    CHECK(testing::read_file(project) == before);
}

TEST_CASE("a point on the heatmap names its cell, and the margins name none") {
    Study s;
    const auto heatmap = exporters::cooccurrence_heatmap(s.matrix(), exporters::CooccurrenceMeasure::Pairs);
    const auto image = exporters::render_heatmap(heatmap, 1.5);
    const double half = image.cell_size / 2;
    const auto cell = exporters::cell_at(image, heatmap, image.grid_left + 1 * image.cell_size + half,
                                         image.grid_top + 0 * image.cell_size + half);
    REQUIRE(cell);
    CHECK(heatmap.row_labels[cell->first] == "Faglig tryghed");
    CHECK(heatmap.column_labels[cell->second] == "Sparring og faglig ledelse");
    CHECK_FALSE(exporters::cell_at(image, heatmap, image.grid_left - 2, image.grid_top + half));
    CHECK_FALSE(exporters::cell_at(image, heatmap, image.grid_left + half, image.grid_top + 3 * image.cell_size + 1));
}
