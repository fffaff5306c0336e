#include "code_description.h"

#include "codes.h"
#include "memos.h"
#include "project.h"
#include "text.h"

namespace fokus {

CodeDescription description_of(Project& project, Id code) {
    const auto found = CodeStore(project).get(code);
    const auto memos = MemoStore(project).list(MemoTarget{MemoTarget::Kind::Code, code});
    return {found.name, found.color, found.definition, memos.empty() ? std::string() : memos.front().text};
}

bool describe_code(Project& project, Id code, const CodeDescription& wanted) {
    CodeStore codes(project);
    const auto before = codes.get(code);
    MemoStore memos(project);
    const MemoTarget target{MemoTarget::Kind::Code, code};
    const auto existing = memos.list(target);
    const std::string old_memo = existing.empty() ? "" : existing.front().text;
    if (wanted.name == before.name && wanted.colour == before.color && wanted.definition == before.definition &&
        wanted.memo == old_memo) {
        return false;
    }
    project.act("describe code " + text::quote(before.name), [&] {
        if (wanted.name != before.name) codes.rename(code, wanted.name);
        if (wanted.colour != before.color) codes.recolour(code, wanted.colour);
        if (wanted.definition != before.definition) codes.define(code, wanted.definition);
        if (wanted.memo == old_memo) return;
        if (existing.empty()) {
            memos.add(target, before.name, wanted.memo);
        } else if (wanted.memo.empty()) {
            memos.remove(existing.front().id);
        } else {
            memos.edit(existing.front().id, existing.front().title, wanted.memo);
        }
    });
    return true;
}

}  // namespace fokus
