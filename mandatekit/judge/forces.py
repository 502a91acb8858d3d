"""Forces outside UN command, recognised by what they are, not by a list of their names.

The principle: a force, mission, operation or coalition the draft names that is not the mandated mission, not
a United Nations entity, not the host State's own forces and not an armed group is a force outside UN command
(an African Union or sub-regional mission, a NATO or European Union mission, a multinational force, another
State's forces). It is told by the shape of its name, as a drafter writes any such name:
- a capitalised name ending in Force, Forces, Mission, Operation or Coalition, with the place it serves and
  the acronym the text gives it ("the African Union Mission in Somalia (AMISOM)", "the non-combat Resolute
  Support Mission", "the G5 Sahel Joint Force");
- "Operation X" ("Operation Barkhane"), "X-led force" ("a NATO-led mission", "the Saudi-led coalition");
- an organisation's acronym or a nationality before forces, troops or a mission ("the MSS mission", "AU
  forces", "French forces");
- and afterwards the acronym the text defined for such a name, wherever it stands alone ("ECOMIB's mandate");
  a name that is only the head word, owned by the body named before it ("ECOWAS ... through the activities of
  its Mission (ECOMIB)"), defines such an acronym too: the Council does not call its own missions "its Mission";
- a force known to the text only by its acronym or name, with no definition anywhere, read by what is said of it
  as of a force: deployed, drawn down, sending troops and contingents ("the deployment of EACRF", "SAMIDRC
  contingents", "the deployment of the Wagner Group"). An acronym the text defines for something else (an
  organisation, an agency) is what its definition says; "withdrawal", "presence", "operations" and
  "personnel" are said of armed groups, agencies and offices too ("the withdrawal of the M23"), and tell
  nothing.

What is not such a force is told from the name and from the profile, never from a list of forces:
- the mission itself: its acronym, or a name whose words all stand in its full name ("the Verification
  Mission"), or a unit the text gives the mission ("UNMISS's Regional Protection Force");
- a United Nations entity: a name holding "United Nations" (or an acronym the text defines for one, or one
  beginning UN; alone, an acronym holding NU, the Organization's French initials: MONUSCO, BINUH), the Council, the Secretariat, its departments, offices and panels;
- a mission that is no force by its kind: an assessment, fact-finding, observation, electoral, good-offices,
  political, monitoring or verification mission, a Permanent Mission to the UN;
- the host State's own forces: a name that says only what the forces do (Armed, Defence, Security, Police,
  National ...) and at most whose they are by the host's nationality or name ("the Somali National Army",
  "the Armed Forces of the DRC", "Government forces"), or the acronym a profile gives a host's forces
  ("FARDC", "FACA"); another State's army named by its own country is
  outside UN command ("the Kenya Defence Forces");
- an armed group: a name that declares a cause or a side (Liberation, Democratic, Resistance, Movement,
  Front ...) or holds a word of the profile's armed groups ("the Allied Democratic Forces").

Every pass is one scan of each paragraph with bounded patterns: linear in the text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from mandatekit.rulebook.model import Profile
from mandatekit.rulebook.patterns import Terms

# A word of a name: capitalised, or a figure-led token such as G5. Apostrophes and hyphens stay inside it.
_CAP = r"(?:[A-Z][\w'’.-]*[\w'’]|[A-Z])"
# A name: capitalised words, "of", "for", "de" ... only between two of them ("Support and Stabilisation").
_NAME = rf"{_CAP}(?:\s+(?:(?:of|for|and|de|du|des|la|le|on)\s+)?{_CAP}){{0,7}}"
_ACRONYM = r"\(\s*(?P<acr>[A-Z][A-Za-z0-9-]{1,9})\s*\)"
# Where the force serves, after its head ("... Mission in Somalia", "... Forces of the Congo").
_TAIL = (
    rf"(?P<tail>\s+(?:in|for|to|of)\s+(?:the\s+)?{_CAP}(?:\s+(?:(?:of|and)\s+)?(?:the\s+)?{_CAP}){{0,4}})?"
)
# "force generation", "force protection": the head word as a modifier of another noun, no force named.
_COMPOUND = (
    r"(?:generation|protection|posture|structure|multipliers?|enablers?|levels?|strength|requirements?)\b"
)
_LOWER_HEAD = r"(?:forces|force|troops|mission|operation)"
_FORCE_NAMES = re.compile(
    # "the African Union Mission in Somalia (AMISOM)": a capitalised head, then the place, then the acronym. The
    # organisation's own acronym may stand between its name and the head ("the Southern African Development
    # Community (SADC) Mission in the Democratic Republic of Congo (SAMIDRC)"): the force's is the one after.
    rf"(?<![\w'’-])(?P<name>{_NAME})(?:\s*\(\s*[A-Z][A-Za-z0-9-]{{1,9}}\s*\))?"
    rf"\s+(?P<head>Forces|Force|Mission|Operation|Coalition)(?![\w'’-]|\s+[A-Z])"
    rf"{_TAIL}(?:\s*{_ACRONYM})?"
    # "the Multinational Security Support (MSS) mission", "French forces", "the MSS mission".
    rf"|(?<![\w'’-])(?P<lname>{_NAME})(?:\s*\(\s*(?P<lacr>[A-Z][A-Za-z0-9-]{{1,9}})\s*\))?\s+"
    rf"(?P<lhead>{_LOWER_HEAD})\b(?!\s+{_COMPOUND})"
    # "Operation Barkhane"
    rf"|(?<![\w'’-])Operation\s+(?P<op>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})"
    # "a NATO-led mission", "the Saudi-led coalition", "African Union-led peace support operations"
    rf"|(?<![\w'’-])(?P<led>{_CAP}(?:\s+{_CAP}){{0,3}})-led\s+(?:[a-z-]+\s+){{0,3}}?"
    rf"(?P<ledhead>forces|force|mission|operations|operation|coalition)\b"
)
_DEFINITION = re.compile(rf"(?<![\w'’-])(?P<name>{_NAME})\s*{_ACRONYM}")
# A definition's name that is only the place a force serves ("... Mission in the Democratic Republic of Congo
# (SAMIDRC)"): the acronym is the force's, read with its head (`_FORCE_NAMES`), not the place's.
_PLACE_OF_FORCE = re.compile(
    r"\b(?:Forces|Force|Mission|Operation|Coalition)\s+(?:in|for|to|of)\s+(?:the\s+)?$"
)
# "ECOWAS ... through the activities of its Mission (ECOMIB)": a mission of the body named before it.
_OWNED_DEFINITION = re.compile(
    rf"(?<![\w'’-])(?:its|their|[A-Z][A-Z0-9]{{1,9}}['’]s)\s+(?:own\s+)?(?:Mission|Force|Operation)\s*{_ACRONYM}"
)
# What is said of a force named only by its acronym or name, after it ("EACRF troops", "SAMIDRC's
# deployment", "SAMIDRC deployed in") or before it ("the deployment of EACRF", "contingents of SAMIDRC").
_DEPLOYED_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:troops|soldiers|contingents?|troop-contributing|troop-\s*and\s+police-contributing"
    r"|deployment|deployed|drawdown)\b"
)
_DEPLOYED_BEFORE = re.compile(
    r"\b(?:deployment|deploying|drawdown|troops|soldiers|contingents)\s+of\s+(?:the\s+)?$"
)
# A bare acronym, and a name ending in "Group" (a private military company's: "the Wagner Group").
_BARE = re.compile(
    rf"(?<![\w'’-])(?:(?P<acr>[A-Z][A-Z0-9]{{1,8}}[A-Z0-9])|(?P<group>{_CAP}(?:\s+{_CAP}){{0,3}})\s+Group)(?![\w-])"
)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# The words of a name that say only what forces do: a State's own forces are named by them (with at most the
# State's nationality or name); a force outside it is named by who sends it.
FUNCTIONAL = _wordset(
    "Armed Defence Defense Security Forces Force National Police Internal Border Republican Presidential "
    "Special Rapid Reaction Support Joint Intervention Transitional Unified Necessary Integrated Government "
    "Governmental Royal Air Naval Navy Army Land Guard Guards Military Federal Coast Gendarmerie Reserve "
    "State States Member Interim Protection Regular Territorial Auxiliary Operation Mission Coalition "
    "Troops The"
)
# Words that say whose forces they are, as a State's army's formal name does beside its country's ("the South
# Sudan People's Defence Forces", "the Uganda Peoples' Defence Forces"): the host's own when the country is the
# host, another State's when it is another (trial 15 F1).
_WHOSE = _wordset("People People's People’s Peoples Peoples' Peoples’")
# The words of a State's army's formal name ("Armed Forces", "National Defence Forces").
_STATE_ARMY = _wordset("Armed Defence Defense National Security Police Army")
# Words by which a name declares a cause or a side: an armed group, not a force outside UN command.
ARMED_GROUP_WORDS = _wordset(
    "Liberation Democratic Revolutionary Resistance Rebel Rebels Patriotic Popular People's People’s "
    "Movement Front Islamic Allied Militia Militias Mai-Mai Self-Defence Self-Defense"
)
# Missions that are no force by their kind (they assess, observe, offer good offices ...), and the bodies of
# the United Nations itself.
NOT_A_FORCE = _wordset(
    "Assessment Fact-Finding Fact-finding Observation Observer Electoral Election Permanent Technical Visiting "
    "Political Inquiry Review Evaluation Offices Liaison Monitoring Verification Head Deputy Chief "
    "Humanitarian Medical Trade Diplomatic Civilian Capacity"
)
UN_WORDS = _wordset(
    "Council Secretariat Secretary-General Department Office Panel Committee Peacebuilding Commission Agency "
    "Programme Fund Peacekeeping"
)
# A task force is a force when the word before it says so ("Regional Task Force", "Multinational Joint Task
# Force"); otherwise it is a working group.
_MILITARY_TASK = _wordset("Joint Regional Multinational Military Combined Naval Maritime")
# A name's head word when it stands at a paragraph's opening, where any word is capitalised.
_OPENING = re.compile(r"^(?:\W*\d+\.\s*|\W*\([a-z]{1,5}\)\s*)?")


@dataclass(frozen=True)
class Setting:
    """What tells the mandated mission and the host State from other forces: profile values."""

    own: tuple[str, ...] = ()  # the mission's acronym and full names
    host: tuple[str, ...] = ()  # the host's nationality words and the country's names
    armed_groups: tuple[str, ...] = ()  # named armed groups
    national: tuple[str, ...] = ()  # the acronyms of host States' own forces ("FARDC", "FACA")


def forces_setting(profile: Profile | None, terms: Terms) -> Setting:
    """The mission and host that are not forces outside UN command: the profile's. With no profile (or none
    that names a host), the host is any the bundled profiles name: a host's own forces are then never read as
    foreign. The armed groups and host forces are those every profile names (`terms`): one is a group, or a
    State's own army, in any draft."""
    words = dict(terms)
    armed_groups = tuple(words.get("armed_groups", ()))
    national = tuple(words.get("national_forces", ()))
    if profile is None:
        return Setting(host=tuple(words.get("nationality", ())), armed_groups=armed_groups, national=national)
    own = tuple(w for w in [profile.mission, *profile.names] if w)
    host = [*profile.pattern_words.get("nationality", []), *(n for n in [profile.country] if n)]
    host += profile.country_names
    if not host:
        host += words.get("nationality", ())
    return Setting(own=own, host=tuple(host), armed_groups=armed_groups, national=national)


def _words(text: str) -> list[str]:
    """The words of a name, a possessive taken off ("MONUSCO's Force")."""
    return [re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w'’-]+", text)]


class _Reader:
    """One draft's paragraphs read for forces outside UN command (`forces_outside_un_command`)."""

    def __init__(self, texts: dict[int, str], setting: Setting) -> None:
        self.texts = texts
        self.own_acronyms = {w for w in setting.own if w.isupper() or " " not in w}
        self.own_words = [set(_words(n)) for n in setting.own if " " in n]
        self.own_leads = [
            [w for part in n.split()[:2] for w in part.split("-")][:2]
            for n in setting.own
            if " " in n and not n.startswith(("United Nations", "UN "))
        ]
        # "Central African Republic" also says "Central African": a country's name without "Republic".
        self.host = [h for h in setting.host if h]
        self.host += [
            re.sub(r"^(?:the\s+)?|\s+Republic$", "", h) for h in self.host if h.endswith(" Republic")
        ]
        self.host_stems = [h[:5] for h in self.host if " " not in h and len(h) >= 4]
        self.armed = (
            re.compile(r"\b(?:" + "|".join(re.escape(a) for a in setting.armed_groups) + r")\b", re.I)
            if any(setting.armed_groups)
            else None
        )
        # A name the text gives as the mission's own unit ("UNMISS's Regional Protection Force").
        self.owned: set[str] = set()
        owners = "|".join(["Mission", "Force", *(re.escape(a) for a in self.own_acronyms)])
        self.owner_before = re.compile(rf"\b(?:{owners})['’]s\s+$")
        self.un_names: list[set[str]] = []  # names the text gives a UN body ("United Nations ... (UNSOS)")
        self.un_acronyms: set[str] = set()
        # Acronyms the text defines for the host's own bodies ("Somali National Army (SNA)", "Federal
        # Government of Somalia (FGS)") and for armed groups: "SNA troops" are national forces.
        self.other_acronyms: set[str] = set()
        definitions = [m for text in texts.values() for m in _DEFINITION.finditer(text)]
        for m in definitions:
            if "United Nations" in m["name"] or m["name"].startswith("UN "):
                self.un_acronyms.add(m["acr"])
                self.un_names.append(set(_words(m["name"])))
        self.national = set(setting.national)
        self.defined = {m["acr"] for m in definitions}
        self.owned_definitions = {
            m["acr"] for text in texts.values() for m in _OWNED_DEFINITION.finditer(text)
        } - self.own_acronyms
        self.other_armed = list(setting.armed_groups)  # armed groups, by the profile and by the text
        self.belligerents: set[str] = set()
        for m in definitions:
            if m["acr"] in self.owned_definitions:
                continue  # "its Mission (ECOMIB)": the name is only the head word, read by its owner
            if _PLACE_OF_FORCE.search(m.string, max(0, m.start() - 40), m.start()):
                continue  # "Mission in the Democratic Republic of Congo (SAMIDRC)": no State, no armed group
            kind = self.kind(m["name"], "Forces", None, "")
            if kind in ("national", "armed", "own", "un"):
                self.other_acronyms.add(m["acr"])
            if kind == "armed":
                self.other_armed += [m["name"], m["acr"]]

    def _hosted(self, text: str) -> str:
        """The text with the host's nationality and country names taken out."""
        for name in sorted(self.host, key=len, reverse=True):
            text = re.sub(rf"\b{re.escape(name)}\b", " ", text)
        return " ".join(w for w in text.split() if not any(w.startswith(stem) for stem in self.host_stems))

    def kind(self, name: str, head: str, acronym: str | None, tail: str) -> str:
        """'outside', or what else the name is: 'own', 'un', 'not-force', 'armed', 'national'."""
        words = _words(name)
        whole = f"{name} {head} {tail}"
        if acronym and (acronym in self.own_acronyms or acronym in self.owned):
            return "own"
        if any(w in self.own_acronyms for w in words) or name in self.owned:
            return "own"
        named = set(words) | {head} | set(_words(tail))
        if any(named <= own for own in self.own_words):
            return "own"
        # A regional organisation's mission in the mission's own country is the mission in another phase (the
        # African Union's AMIS beside the AU-UN UNAMID, AMISOM beside ATMIS): same first words, the host's place.
        first = [w for part in words[:2] for w in part.split("-")][:2]
        if (
            len(first) == 2
            and first in self.own_leads
            and not set(_words(self._hosted(tail))) - {"in", "for", "to", "of", "the"}
        ):
            return "own"
        if "United Nations" in whole or words[0] in ("UN", "U.N.") or (acronym or "").startswith("UN"):
            return "un"
        if acronym in self.un_acronyms or any(w in self.un_acronyms for w in words):
            return "un"
        if len(words) == 1 and (words[0] in self.other_acronyms or words[0] in self.national):
            return "national"  # or an armed group's: either way not a force outside UN command
        if acronym and acronym in self.national:
            return "national"  # defined with the acronym a profile gives a host's forces: "... (SSPDF)"
        if words[-1] == "Task" and (len(words) < 2 or words[-2] not in _MILITARY_TASK):
            return "not-force"  # a working group ("the Financial Action Task Force"), not a joint force
        if UN_WORDS & set(words) or any(named <= un for un in self.un_names):
            return "un"
        if NOT_A_FORCE & named:
            return "not-force"
        if ARMED_GROUP_WORDS & set(words) or (self.armed and self.armed.search(whole)):
            return "armed"
        if head.lower() in ("force", "forces", "troops"):
            rest = _words(self._hosted(f"{name} {tail}"))
            if all(w in FUNCTIONAL or w in _WHOSE or w in ("of", "the", "and") for w in rest):
                return "national"
            # With no mission told, the host is unknown: a State's army or its Government's forces, named by one
            # nationality or country and its formal name, before or after it ("the Gambian Armed Forces", "the
            # Armed Forces of the Democratic Republic of the Congo", "the Government of South Sudan Forces"),
            # are taken for the host's own, never for a foreign force.
            core = [w for w in rest if w not in ("of", "the", "and")]
            at = [i for i, w in enumerate(core) if w not in FUNCTIONAL and w not in _WHOSE]
            army = {w for w in core if w in FUNCTIONAL or w in _WHOSE}
            one_place = bool(at) and at == list(range(at[0], at[-1] + 1))
            if not self.own_words and one_place and (_STATE_ARMY | {"Government"}) & army:
                return "national"
        return "outside"

    def spans(self) -> list[tuple[int, int, int]]:
        found: list[tuple[int, int, int]] = []
        outside_acronyms: dict[str, str] = {}
        candidates: list[tuple[int, int, int, str, str, str | None, str]] = []
        for para, text in self.texts.items():
            opening = _OPENING.match(text)
            for m in _FORCE_NAMES.finditer(text):
                name, head, acronym, tail = self._parts(m)
                if name is None:
                    continue
                start = m.start()
                if opening and start == opening.end() and " " in name and m["op"] is None:
                    # The paragraph's opening word (its verb) is capitalised by position, not by name.
                    first = name.split()[0]
                    name, start = name[len(first) :].lstrip(), start + len(first) + 1
                    if not name:
                        continue
                joined = re.search(r"[\w'’]*-[\w'’]*\s*$", text[max(0, start - 40) : start])
                if joined:  # "non-United Nations Security Forces": the name begins in the word before
                    name = joined.group(0) + name
                if self.owner_before.search(text[max(0, start - 40) : start]):
                    self.owned.add(name)
                candidates.append((para, start, m.end(), name, head, acronym, tail))
        # A State's forces the text shows supporting an armed group are a party to the conflict, not a force
        # beside the mission ("the M23, with the support of the Rwanda Defence Forces"; "calls on the RDF to
        # cease support to the M23").
        armed = "|".join(re.escape(a) for a in self.other_armed if a)
        if armed:
            supported_by = re.compile(
                rf"(?:{armed})[^;.]{{0,160}}\bsupport(?:\s+and\s+\w+)?\s+of\s+(?:the\s+)?$"
            )
            supporting = re.compile(rf"[^;.]{{0,60}}?\bsupport\w*\s+(?:to|for)\s+(?:the\s+)?(?:{armed})")
            for para, start, end, name, _, acronym, _ in candidates:
                text = self.texts[para]
                if supported_by.search(text[max(0, start - 200) : start]) or supporting.match(text, end):
                    self.belligerents.update(n for n in (name, acronym) if n)
        for para, start, end, name, head, acronym, tail in candidates:
            if name in self.belligerents or acronym in self.belligerents:
                continue
            if self.kind(name, head, acronym, tail) == "outside":
                found.append((para, start, end))
                if acronym:
                    outside_acronyms[acronym] = name
        for acronym in self.owned_definitions:
            if self._foreign_acronym(acronym):
                outside_acronyms.setdefault(acronym, acronym)
        found += self._bare(set(outside_acronyms))
        if outside_acronyms:
            alone = re.compile(
                r"(?<![\w-])(?:"
                + "|".join(map(re.escape, sorted(outside_acronyms, key=len, reverse=True)))
                + r")(?![\w-])"
            )
            for para, text in self.texts.items():
                found.extend((para, m.start(), m.end()) for m in alone.finditer(text))
        return _merged(found)

    def _foreign_acronym(self, acronym: str) -> bool:
        """Whether an acronym may name a force outside UN command: not the mission's, a UN body's (its English
        or French initials), the host's forces', an armed group's or a State's the text shows as a party."""
        if acronym in self.own_acronyms or acronym in self.owned or acronym in self.belligerents:
            return False
        if acronym.startswith("UN") or "NU" in acronym or acronym in self.un_acronyms:
            return False
        if acronym in self.other_acronyms or acronym in self.national or acronym in self.host:
            return False
        return not (self.armed and self.armed.fullmatch(acronym))

    def _bare(self, known: set[str]) -> list[tuple[int, int, int]]:
        """Forces named only by an acronym no definition explains, or by a name ending in "Group", where the
        text speaks of them as of a force (deployed, drawn down, sending troops)."""
        found = []
        for para, text in self.texts.items():
            for m in _BARE.finditer(text):
                acronym = m["acr"]
                if acronym and (
                    acronym in known or acronym in self.defined or not self._foreign_acronym(acronym)
                ):
                    continue  # already read, or what its definition says
                if m["group"] and not self._group(m["group"]):
                    continue
                if _DEPLOYED_AFTER.match(text, m.end()) or _DEPLOYED_BEFORE.search(
                    text[max(0, m.start() - 40) : m.start()]
                ):
                    start = m.start("group") if m["group"] else m.start()
                    found.append((para, start, m.end()))
        return found

    def _group(self, name: str) -> bool:
        """A "Group" a force may be (a private military company), not a body, a side or a UN panel."""
        words = set(_words(name))
        if words & (
            NOT_A_FORCE | UN_WORDS | ARMED_GROUP_WORDS | _wordset("Working Contact Friends Expert Experts")
        ):
            return False
        return not (self.armed and self.armed.search(name)) and not any(w in self.own_acronyms for w in words)

    @staticmethod
    def _parts(m: re.Match[str]) -> tuple[str | None, str, str | None, str]:
        """(name, head, acronym, tail) of a match; a name None when it is none of the forms."""
        if m["head"]:
            return m["name"], m["head"], m["acr"], m["tail"] or ""
        if m["lhead"]:
            name, acronym = m["lname"], m["lacr"]
            if name.endswith("-led"):  # "a NATO-led mission": led by an organisation or a State
                return name[: -len("-led")], m["lhead"], None, ""
            last = name.split()[-1]
            acronym_only = re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", last) is not None
            nationality = re.fullmatch(r"[A-Z][a-z]+(?:ish|ian|ese|an|i|ch)", last) is not None
            if m["lhead"] in ("mission", "operation") and not (acronym or acronym_only):
                return None, "", None, ""
            if not (acronym or acronym_only or nationality or len(name.split()) >= 2):
                return None, "", None, ""
            return name, m["lhead"], acronym, ""
        if m["op"]:
            return f"Operation {m['op']}", "Operation", None, ""
        return m["led"], m["ledhead"], None, ""


def _merged(spans: Iterable[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    for para, start, end in sorted(spans):
        if out and out[-1][0] == para and start <= out[-1][2]:
            out[-1] = (para, out[-1][1], max(end, out[-1][2]))
        else:
            out.append((para, start, end))
    return out


def forces_outside_un_command(texts: dict[int, str], setting: Setting) -> list[tuple[int, int, int]]:
    """(paragraph index, start, end) of every mention of a force outside UN command in these paragraph texts
    (paragraph index → text), the mission and the host told by `setting`."""
    return _Reader(texts, setting).spans()
