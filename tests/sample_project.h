#pragma once
// The sample study's 13 transcripts (sample-transcripts/), imported with their
// manifest and participants into a new project in a scratch folder.
#include <doctest/doctest.h>

#include <filesystem>

#include "coding/project.h"
#include "importers/batch.h"
#include "scratch.h"

namespace fokus::testing {

struct SampleProject {
    ScratchDir dir;
    Project project = Project::create(dir / "eksempel.fokus");
    SampleProject() {
        project.set_coder("Testkoder");
        const auto corpus = std::filesystem::path(FOKUS_SOURCE_DIR) / "sample-transcripts";
        importers::BatchOptions options;
        options.manifest = (corpus / "manifest.csv").string();
        options.participants = (corpus / "participants.csv").string();
        REQUIRE(importers::import_files(project, {corpus}, options).imported.size() == 13);
    }
};

}  // namespace fokus::testing
