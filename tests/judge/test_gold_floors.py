"""Real resolutions blind-coded for all 22 rules, by two coders each who saw only the spec and the sources,
never the tool (a third adjudicated where their verdicts did not overlap): tests/judge/real2 … real13, each
folder a `gold.yaml` and its texts. real2 is the tuning two-thirds of issue 21's first coded set; real3 … real13
are its holdouts, each kept from everyone tuning and measured once before and once at the end of its round, then
committed as tuning material. The tool is not expected to agree on every cell: each floor is what it reaches
today and may only rise, and false met may only fall. `python benchmarks/gold_agreement.py tests/judge/realN`
prints every disagreement. (tests/judge/test_real_gold.py holds the first six, with every disagreement listed.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.judge.coded import assert_every_rule_coded, assert_floor

HERE = Path(__file__).parent

# folder: (agreeing cells at least, false met at most), with the history of each floor. Round 6 (2026-12-06)
# raised real2 … real7 to 385, 218, 254, 255, 255, 255.
FLOORS: dict[str, tuple[int, int]] = {
    # 18 renewals, authorisations, sanctions and thematic texts: 396 cells (319 before tuning, 327 after the first
    # round, 337 after the second); 7 false met before tuning, 4 after the first round. 386 once forces
    # outside UN command are read by what they are (1706's AMIS).
    "real2": (386, 0),
    # The first holdout: 220 cells (173 before tuning, 174 when measured as the holdout); 6 false met before
    # tuning, 5 when measured. 219 once a regional mission named with its organisation's acronym before its head
    # ("Community (SADC) Mission in the Democratic Republic of Congo (SAMIDRC)") is read as a force outside UN
    # command, its contingents' standards of conduct asked of it (2746, bilateral-forces; round 11).
    "real3": (219, 0),
    # The second holdout: 264 cells (211 before its round, 214 when measured); 6 false met when measured. 255
    # once a reference far down its clause, an item of what the clause asks, inherits it (2719 OP 15: a joint
    # report "including the state of compliance with paragraphs 3 to 13").
    "real4": (255, 0),
    # The third holdout: 264 cells (211 before its round, 218 when measured); 2 false met when measured. 256
    # once the protection of civilians named as what another activity contributes to (2592's mine action) is
    # no one's task.
    "real5": (256, 0),
    # The fourth holdout: 264 cells (215 before its round, 218 when measured); 2 false met when measured. 257
    # once forces outside UN command are read by what they are (2551's Operation Atalanta, 2705's ATMIS). 258
    # once hate speech condemned among the civic freedoms to uphold is civic space, not atrocity prevention
    # (2705 OP 6(h); round 11).
    "real6": (258, 0),
    # The fifth holdout: 264 cells (226 before its round, 227 when measured; 233 after round 5's reader fixes,
    # 237 after its false-met fixes, 238 with a verb that sums up the words before it); 2 false met when
    # measured, 0 since the ddrr and children fixes. 256 once Member States authorised to take all necessary
    # measures are a force authorised by what it may do, its strength unset (1973 OP 4; round 11).
    "real7": (256, 0),
    # The sixth holdout: 264 cells (225 before its round, 226 when measured); 4 false met when measured. 228 and
    # 2 once 2589's SOFA named as the frame of prosecutions and its justice for acts against UN personnel no
    # longer meet sofa-compliance and accountability; 2486 humanitarian-access and 2489 un-personnel-safety
    # (borderline) remain. 232 once the mission's freedom of movement and the security of its compounds are read
    # in other words (round 7's concept vocabularies); 235 with reincorporation for reintegration and a peace
    # agreement read by its own name; 237 with international crimes (their recurrence prevented is transitional
    # justice: partial) and the UN's capacity for rapid deployment; 238 with the status of UN personnel respected.
    # 245 and 0 once a rule's word must stand in the role the rule needs (round 7, precision): the mission's own
    # support to delivering aid is not access, safety as the aim of efforts others coordinate in is not their
    # duty, the public's movement restricted is not the mission's, survivors of atrocities are not their
    # prevention, a report's analysis taken note of is not monitoring, a possible consequence for relief is not
    # access, and political solutions in the plural are not a peace process. 248 once forces outside UN command
    # are read by what they are (2158's AMISOM, 2489's Resolute Support Mission, 2512's ECOMIB); 250 once a
    # clause that names its subject by paragraph number is read with those paragraphs' words (2139 OP 17: a
    # report on compliance with paragraphs 2 through 12).
    # 254 once the partial/missing boundary is read by principle (round 9): the mission's own human rights work
    # without monitoring (2732's task to promote the protection of human rights), civilian control and oversight
    # of the forces (2512), the security sector named as an institution to strengthen (2732 PP 4), and UN
    # personnel's freedom of movement named by a pronoun (2139 OP 12), the mission's part in humanitarian work
    # named by its tasks (2732 OP 6(c)): each the subject, partial.
    # 256 once the status of United Nations and associated personnel, to be respected by the parties, is their
    # protection demanded (1265 OP 9; round 10). 257 once the duty of distinction in the law's own words and
    # military positions kept out of populated areas are sparing civilians in hostilities (2139 OP 3, OP 10).
    "real8": (257, 0),
    # The seventh holdout (round 7): 236/264 and 3 false met both before the round (231c78b) and at its end
    # (8e3cfc2), measured by the lead only; nobody tuning read it. 239 and 0 false met once access named as one
    # item of a plan against another violation is not the access demand (2467 OP 1), children born of sexual
    # violence are not a grave violation against them (2467 OP 18), and compliance with the HRDDP is no
    # obligation of forces outside UN command (2748 OP 8). 243 with the partial/missing boundary read by
    # principle (round 9): 2645's human rights unit and its mission's own security need named in the preamble,
    # 1907's attacks on a list ending with the African Union mission's personnel; 244 once benchmarks that
    # measure a transition's progress are no safeguard on the UN's support (2748 OP 8(e), hrddp-mitigation);
    # 245 once "recommends further" opens a clause of its own and the UN contingents named there rule out
    # only that clause (2143 OP 20: child protection in military training and standing orders, ssr-conduct).
    # 246 once a mission known as its organisation's "Mission (ECOMIB)" is a force outside UN command (2203,
    # bilateral-forces; round 9 reader). 247 once the safety of civilians the parties are to ensure is the
    # protection of civilians by another name, the subject (2216 OP 9, poc-priority; round 9 concepts).
    # 250 once the primacy of politics made the hallmark of the UN's approach is the political process in
    # general terms (2382 OP 1), external security assistance is security support from outside UN command
    # (2645 PP 13) and hate speech condemned among the civic freedoms to uphold is civic space, not atrocity
    # prevention (2657 OP 8(e); round 11).
    "real9": (250, 0),
    # The eighth holdout (round 8, 2026-12-06): 264 cells, 245 before its round (c17f099), 246 when measured at
    # its end (af6f409), by the lead only; nobody tuning read it. Its 2 false met are explained in the closing
    # note of the round: 2099 OP 9's "challenges to MINURSO's operations" briefed on, read as SOFA violations
    # reported; 2106 OP 12's "mediators" asked to raise sexual violence, read as support to a peace process.
    # 248 and 0 false met once a neutral word for difficulties ("challenges" to the mission's operations) is no
    # violation or obstruction, only the subject of sofa-reporting, and mediators as the addressees of another
    # ask are no support to mediation (round 9 wave 2). 251 once the agreed IHL phrasings of precaution urged on
    # the parties ("constant care to spare", "minimize the harm suffered by children", the impact of operations
    # on people's livelihoods weighed) are the subject of harm-mitigation (1261 OP 8, 2417 OP 1, 2349 OP 9).
    # 254 once the mission's people made secure in other words ("to secure the UNSMIL ceasefire monitors") are
    # their safety, a court's sentences verified are support to accountability (the Special Jurisdiction for
    # Peace a profile's court), and human rights abuses and violations to be addressed are its subject (2570
    # OP 17, 2574 OP 1, 2476 OP 1(b)(iv); round 9 wave 3).
    # 258 once vetting in another sense (contributed police, persons in custody) is no vetting in recruitment,
    # States' investigations into violations are accountability by its first step, humanitarian operations named
    # as a setting are no access, and a later "..., and calls for ..." governs its own clause (2349 OP 32, 2417
    # OP 10, 2106 OP 8, 2140 OP 7; round 10). 260 once a report asked swiftly when a risk arises is early
    # warning by what it does (2417 OP 12) and another State's army told to withdraw is a belligerent, not a
    # force deployed with the host's consent (425, bilateral-forces; round 11).
    "real10": (260, 0),
    # The ninth holdout (round 10, 2026-12-06): 308 cells, 288 and 1 false met before its round (a22db94), 289
    # and 0 false met when measured at its end (07e96c4), by the lead only; nobody tuning read it. Its 19
    # disagreements are explained one line each in the round's closing note (tool stricter 11, more generous 5,
    # reader 1, coders split 2). The five "more generous" were a word in another sense, each now excluded as
    # that sense (wave 2b): SOFA violations, an exemption's "peace and national reconciliation", the
    # belligerents' forces named in their agreement, an assessment of threats for mandate design, a former
    # regime's atrocities (294).
    # 302 (with those) once the tool-stricter and reader lines are principles (round 10, wave 2a): the importance of
    # accountability as its subject, a peace agreement or framework by its own title, the host States'
    # obligations toward the mission's movement, a UN presence's capabilities for protection, restraint with a
    # peaceful transfer of power, a process named by its end, and a bilingual volume's OP cut by the French page
    # read whole (2669 PP 5, 350 OP 1, 2738 PP 4, 2518 OP 2, 2594 OP 5, 2337 OP 9, 1483 OP 8(c), 186 OP 7).
    "real11": (302, 0),
    # The tenth holdout (round 11, 2026-12-06): 352 cells, 335 and 1 false met before its round (9513edc) and
    # when measured at its end (326bcf1), by the lead only; nobody tuning read it. Its 17 disagreements are
    # explained one line each in the round's closing note (tool stricter 14, more generous 2, false met 1).
    # 338 and 0 false met once, after the measurement (wave 2): women's participation in peace talks is the
    # setting of a thematic ask, no process supported (2493 OP 9(a), OP 10(b)); an international criminal
    # tribunal cooperated with is accountability, as the ICC is (1244 OP 14, 2150 OP 3, now cited where the
    # coders cite it); a treaty's title punishes no one (2150 OP 5); an armed group demilitarized is disarmed
    # (1244 OP 9(b)).
    # 343 (round 12, r12-partial): the promotion and protection of human rights an item of a mandate's tasks (1244
    # OP 11(j), 2009 OP 12(d)); the national army or police built or developed (1244 OP 11(i), 1662 OP 8); the
    # parties asked to cooperate fully in the presence's deployment (1244 OP 8): each partial as coded. 344 with
    # the force's levels named as what is to be adjusted (1758 PP 13). 345 (r12-presence): a drawdown of the
    # force's personnel is its level addressed as a reduction, partial (2670 OP 1(a)).
    "real12": (345, 0),
    # The eleventh holdout (round 12, 2026-12-07): 352 cells, mostly thematic texts; 335 and 0 false met before
    # its round (c949f6b) and when measured at its end (683ef86), by the lead only; nobody tuning read it. Its 17
    # disagreements are explained one line each in the round's closing note (tool stricter 14, more generous 3).
    # 337 (r12-w2c): all the parties to the conflict called on to allow or enable humanitarian access, met as
    # coded (2475 OP 3, 2724 OP 2).
    "real13": (337, 0),
}


@pytest.mark.parametrize("folder", FLOORS)
def test_agreement_with_the_coders_holds_its_floor(folder: str) -> None:
    agreeing, false_met = FLOORS[folder]
    assert_floor(HERE / folder, agreeing, false_met)


@pytest.mark.parametrize("folder", FLOORS)
def test_every_rule_is_coded_for_every_resolution(folder: str) -> None:
    assert_every_rule_coded(HERE / folder)
