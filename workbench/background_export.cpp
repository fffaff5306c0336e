#include "workbench/background_export.h"

#include <wx/frame.h>
#include <wx/utils.h>
#include <wx/window.h>

#include <iostream>
#include <memory>
#include <optional>

#include "coding/project.h"
#include "coding/snapshot.h"
#include "workbench/background_work.h"
#include "workbench/error_messages.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

void say(wxWindow& window, const wxString& message) {
    if (auto* frame = dynamic_cast<wxFrame*>(wxGetTopLevelParent(&window)); frame && frame->GetStatusBar()) {
        frame->SetStatusText(message, 0);
    }
}

}  // namespace

void write_in_background(wxWindow& window, const Project& project, ProjectWriter write, const wxString& path,
                         std::function<void(bool)> done) {
    // The snapshot is taken now, on this thread, so that the file holds the
    // project as it was when the export was asked for, whatever is done meanwhile.
    struct Reading {
        explicit Reading(Project opened) : connection(std::move(opened)) {}
        Project connection;
        std::optional<Snapshot> moment;
    };
    std::shared_ptr<Reading> reading;
    try {
        reading = std::make_shared<Reading>(project.another_connection());
        reading->moment.emplace(reading->connection);
    } catch (const std::exception& error) {
        say(window, translated_message(error));
        show_error(&window, error);
        if (done) done(false);
        return;
    }
    say(window, wxString::Format(_("Writing %s…"), path));
    run_in_background(
        window,
        [reading, write = std::move(write), &window, path, done]() -> OnWindow {
            write(reading->connection);
            reading->moment.reset();
            return [&window, path, done] {
                say(window, wxString::Format(_("Saved %s"), path));
                if (done) done(true);
            };
        },
        [&window, done](const std::exception& error) {
            say(window, translated_message(error));
            if (wxGetEnv("FOKUS_NO_DIALOGS", nullptr)) {
                std::cerr << "error: " << from_wx(translated_message(error)) << std::endl;
            } else {
                show_error(&window, error);
            }
            if (done) done(false);
        });
}

}  // namespace fokus::workbench
