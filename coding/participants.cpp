#include "participants.h"

#include "documents.h"
#include "error.h"
#include "identity.h"
#include "project.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {

std::vector<Participant> ParticipantStore::all() const {
    auto& db = project_.db();
    auto query = db.prepare("SELECT id, guid, label FROM participants ORDER BY label");
    auto attributes = db.prepare("SELECT name, value FROM participant_attributes WHERE participant_id = ? ORDER BY name");
    auto speakers = db.prepare("SELECT document_id, label FROM speakers WHERE participant_id = ? ORDER BY document_id");
    std::vector<Participant> result;
    while (query.step()) {
        Participant participant{query.int64(0), query.text(1), query.text(2), {}, {}};
        attributes.reset();
        attributes.bind_all(participant.id);
        while (attributes.step()) participant.attributes.emplace(attributes.text(0), attributes.text(1));
        speakers.reset();
        speakers.bind_all(participant.id);
        while (speakers.step()) participant.speaks_as.emplace_back(speakers.int64(0), speakers.text(1));
        result.push_back(std::move(participant));
    }
    return result;
}

std::optional<Participant> ParticipantStore::find(std::string_view label) const {
    for (auto& participant : all()) {
        if (participant.label == label) return participant;
    }
    return std::nullopt;
}

std::map<std::string, std::string> ParticipantStore::attributes(Id participant) const {
    auto query = project_.db().prepare("SELECT name, value FROM participant_attributes WHERE participant_id = ?");
    query.bind_all(participant);
    std::map<std::string, std::string> attributes;
    while (query.step()) attributes.emplace(query.text(0), query.text(1));
    return attributes;
}

Id ParticipantStore::ensure(std::string_view label) {
    const std::string cleaned = text::trim(text::to_nfc(label, "the participant label"));
    if (cleaned.empty()) throw InputError("a participant label cannot be empty");
    auto find = project_.db().prepare("SELECT id FROM participants WHERE label = ?");
    find.bind_all(cleaned);
    if (find.step()) return find.int64(0);
    Id id = 0;
    project_.act("add participant " + text::quote(cleaned), [&] {
        auto insert = project_.db().prepare("INSERT INTO participants(guid, label) VALUES (?, ?)");
        insert.bind_all(new_guid(), cleaned).run();
        id = project_.db().last_insert_id();
    });
    return id;
}

void ParticipantStore::set_attribute(Id participant, std::string_view name, std::string_view value) {
    const std::string key = text::trim(text::to_nfc(name, "the attribute name"));
    if (key.empty()) throw InputError("an attribute name cannot be empty");
    const std::string cleaned = text::trim(text::to_nfc(value, "the value of " + text::quote(key)));
    project_.act("set " + key + " of a participant", [&] {
        auto upsert = project_.db().prepare(
            "INSERT INTO participant_attributes(participant_id, name, value) VALUES (?, ?, ?) "
            "ON CONFLICT(participant_id, name) DO UPDATE SET value = excluded.value");
        upsert.bind_all(participant, key, cleaned).run();
    });
}

void ParticipantStore::map_speaker(Id document, std::string_view label, Id participant) {
    const auto name = DocumentStore(project_).get(document).name;
    const std::string cleaned = text::trim(text::to_nfc(label, "the speaker label"));
    project_.act("map speaker " + text::quote(cleaned), [&] {
        auto update = project_.db().prepare("UPDATE speakers SET participant_id = ? WHERE document_id = ? AND label = ?");
        update.bind_all(participant, document, cleaned).run();
        if (project_.db().changes() == 0) {
            throw InputError("\"" + name + "\" has no speaker labelled " + text::quote(cleaned));
        }
    });
}

}  // namespace fokus
