#!/usr/bin/env bash
# The sample study: what two coders, Åse and Bjørn, did with the transcripts
# of this folder, as fokus-cli commands. scripts/build-sample runs it on a new
# project that holds the transcripts; every analysis view has something to
# show. Usage: study.sh FOKUS-CLI PROJECT
set -euo pipefail
cli=$1
project=$2
as() { local coder=$1; shift; "$cli" --coder "$coder" "$@" >/dev/null; }

# Åse codes every transcript: each code by the words that speak of it, a
# sentence at a time, leaving out what the moderators said.
while IFS='|' read -r code query; do
  as Åse code-hits "$project" "$query" "$code" --level sentence --without-interviewers
done <<'CODES'
Opfattelse af medarbejderomsætning|(sige* AND op) OR omsætning OR medarbejderomsætning OR stoppet OR udskiftning OR forlader
Motivation|"gør en forskel" OR motiv* OR meningsfuld* OR glæde* OR engag*
Faglig kompetence|"faglig kompetence" OR fagligheden OR erfaring* OR uddannelse
Kultur på medarbejderniveau|kultur* OR kollega* OR fællesskab*
Ledelseskultur og -stil|ledelsesstil OR "min leder" OR "vores leder" OR lederen
Kerneopgave og rolleforståelse|kerneopgave* OR rolle* OR borgeren*
Faglig tryghed|"faglig tryghed" OR tryg*
Sparring og faglig ledelse|sparring OR "faglig ledelse" OR supervision
Kompetenceudvikling|kompetenceudvikling OR kursus OR kurser OR efteruddannelse
Introduktion af nye medarbejdere|introduktion* OR nyuddannede OR mentor* OR "nye kolleger"
Arbejdspres og prioritering|arbejdspres OR sagstal* OR prioriter* OR travl*
Svære sager og følelsesmæssige krav|"svære sager" OR tung* OR følelse* OR sover
Klager, mediesager og rygdækning|klage* OR medie* OR rygdækning OR avis*
Organisering og omorganisering|omorganisering* OR organisering OR struktur*
Handlerum og beslutningskompetence|handlerum OR beslut* OR kompetence
Fleksibilitet og arbejdstilrettelæggelse|fleksib* OR hjemmearbejde OR arbejdstid*
Samarbejde på tværs|samarbejde* OR tværs OR tværfaglig*
CODES

# Bjørn codes one transcript as well, for agreement: the same codes, some
# by other words and some a whole turn at a time.
double=kommune-b-raadgivere
while IFS='|' read -r code query level; do
  as Bjørn code-hits "$project" "$query" "$code" --level "$level" --without-interviewers --document "$double"
done <<'CODES'
Opfattelse af medarbejderomsætning|stoppet OR sige*|sentence
Faglig kompetence|erfaring* OR uddannelse OR faglig|sentence
Kultur på medarbejderniveau|kollega*|turn
Ledelseskultur og -stil|lederen OR "min leder" OR ledelse|sentence
Faglig tryghed|tryg* OR rygdækning|sentence
Sparring og faglig ledelse|sparring OR supervision|turn
Arbejdspres og prioritering|sager|sentence
Svære sager og følelsesmæssige krav|svære OR følelse*|sentence
Handlerum og beslutningskompetence|beslut* OR handlerum|sentence
Klager, mediesager og rygdækning|klage* OR medie*|sentence
CODES

# BIKVA: the citizens' statements read out to the caseworkers, the
# caseworkers' reactions, and what went on to the managers.
bikva() { as Åse bikva "$project" "$@"; }
stage1=bikva-1-borgere stage2=bikva-2-raadgivere stage3=bikva-3-ledere
# What each stage's participants said about the caseworkers and the
# organisation, coded with the stage's code.
as Åse code-hits "$project" 'sagsbehandler* OR rådgiver* OR møde*' "1 Brugere" --level turn --without-interviewers --document "$stage1"
as Åse code-hits "$project" 'borger* OR sager' "2 Frontlinjemedarbejdere" --level turn --without-interviewers --document "$stage2"
as Åse code-hits "$project" 'borger* OR omorganisering*' "3 Ledelse" --level turn --without-interviewers --document "$stage3"
as Åse code "$project" "$stage1" "1 Brugere" --text "Jeg har haft fire forskellige sagsbehandlere på to år, og hver gang skulle jeg fortælle det hele forfra."
bikva present "$stage1" "Jeg har haft fire forskellige sagsbehandlere på to år, og hver gang skulle jeg fortælle det hele forfra." "$stage2" \
  "En af borgerne sagde: \"Jeg har haft fire forskellige sagsbehandlere på to år, og hver gang skulle jeg fortælle det hele forfra.\""
bikva react "$stage2" "Så fire på to år, det er … det er realistisk." "$stage1" "Jeg har haft fire forskellige sagsbehandlere på to år, og hver gang skulle jeg fortælle det hele forfra." \
  --note "Genkender omsætningen; sagerne fordeles igen og igen"
bikva present "$stage1" "Jeg har haft fire forskellige sagsbehandlere på to år, og hver gang skulle jeg fortælle det hele forfra." "$stage3"
bikva react "$stage3" "Vi har haft en medarbejderomsætning på omkring tyve procent om året de sidste to år." "$stage1" \
  "Jeg har haft fire forskellige sagsbehandlere på to år, og hver gang skulle jeg fortælle det hele forfra."
bikva present "$stage1" "Man føler sig meget lille, når man sidder over for sådan et bord med tre fagfolk." "$stage2"
bikva react "$stage2" "For borgeren er det måske det vigtigste møde i deres liv." "$stage1" \
  "Man føler sig meget lille, når man sidder over for sådan et bord med tre fagfolk." --note "Rundbordssamtalen set fra borgerens side"
bikva present "$stage2" "Borgerne mærker omorganiseringen før os, fordi det er dem, der får et nyt navn på brevet." "$stage3"
bikva react "$stage3" "Men vi talte ikke ret meget om, hvad det betød for borgerne, at de skulle have en ny sagsbehandler." "$stage2" \
  "Borgerne mærker omorganiseringen før os, fordi det er dem, der får et nyt navn på brevet."
bikva advise "$stage2" "Giv os færre sager, så vi kan nå at læse dem." --note "Rådgivernes første råd til ledelsen"

# Memos on codes, documents and the project.
as Åse memo "$project" --code "Faglig tryghed" --title "Tryghed og rygdækning" \
  "Rådgiverne taler om faglig tryghed, når lederen bakker op i svære sager og ved klager. Se sammenhængen med Klager, mediesager og rygdækning."
as Åse memo "$project" --code "Opfattelse af medarbejderomsætning" \
  "Lederne nævner tal (omkring tyve procent om året); rådgiverne taler om de kolleger, der er stoppet, og om sager, der fordeles igen."
as Bjørn memo "$project" --document "$double" \
  "Dobbeltkodet til enighedsberegningen. Jeg har kodet Kultur på medarbejderniveau og Sparring og faglig ledelse på hele replikker."
as Åse memo "$project" --document "$stage1" "Borgernes udsagn, der blev læst op for rådgiverne og lederne i Kommune C."
as Åse memo "$project" --title "Om eksemplet" \
  "Et eksempel på et kodet studie: 13 interview, to kodere (Åse og Bjørn), BIKVA-kæder, kondenseringer og citatsamlinger."

# Condensations: what a code holds in each municipality.
condense() { as Åse condense "$project" set "$1" --value "municipality=$2" "$3"; }
condense "Faglig tryghed" "Kommune A" "Trygheden hænger på den nærmeste leder; rådgiverne savner faste rammer for sparring."
condense "Faglig tryghed" "Kommune B" "Rådgiverne føler sig trygge, når lederen bakker op udadtil, også i mediesager."
condense "Faglig tryghed" "Kommune C" "Omorganiseringen har gjort trygheden skrøbelig; nye kolleger mangler erfarne at spørge."
condense "Opfattelse af medarbejderomsætning" "Kommune C" "Omkring tyve procent om året; borgerne mærker det som skiftende sagsbehandlere."
condense "Opfattelse af medarbejderomsætning" "Kommune D" "Få stopper; det forklares med et stærkt kollegialt fællesskab."
condense "Arbejdspres og prioritering" "Kommune B" "Sagstallet er det, alle nævner først; prioriteringen overlades til den enkelte."
condense "Arbejdspres og prioritering" "Kommune E" "Travlhed i perioder, men lederen hjælper med at prioritere."

# Two quote sets for the report.
quotes() { as Åse quotes "$project" "$@"; }
quotes create "Kapitel 4: Faglig tryghed"
quotes add "Kapitel 4: Faglig tryghed" --code "Faglig tryghed"
quotes create "Kapitel 5: Borgernes stemmer"
quotes add "Kapitel 5: Borgernes stemmer" --code "1 Brugere"
quotes add "Kapitel 5: Borgernes stemmer" --code "Gode råd"
quotes attribution "({participant.role}, {municipality})"
