"""Extract stage: directives — who must do what, with whose help, for whom and by when.

A directive runs from a directive verb (``unkg:directive true`` in ontology/verbs.ttl) to the
next verb of the paragraph. Its addressees are the bodies named right after the verb (a list
joined by 、/和/及), or, for a binding verb, the bodies followed by 应/将 ("决定会员国应…").
A sub-paragraph under a lead-in that ends with a colon ("促请所有国家：") inherits the lead-in's
verb and addressees. Actions, deadlines, "assisted by", "in consultation with" and "report
to" are read inside the directive's own words only, so nothing leaks between directives.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .bodies import resolve_anaphor
from .deadlines import find_deadlines
from .lexicon import Lexicon
from .model import BodyMention, Directive, Kind, Unit, VerbUse
from .profile import Profile
from .vocab import UNKG

DIRECTIVE_UNITS = {Kind.OPERATIVE, Kind.SUBPARAGRAPH}

def find_directives(units: list[Unit], verbs: list[VerbUse], mentions: list[BodyMention], profile: Profile,
                    lexicon: Lexicon, adoption: date | None) -> tuple[list[Directive], list[BodyMention]]:
    """Directives of every operative paragraph and sub-paragraph, plus the anaphoric mentions
    ("委员会" meaning the committee named before) that reading them resolved."""
    by_unit_verbs: dict[str, list[VerbUse]] = {}
    for use in verbs:
        by_unit_verbs.setdefault(use.unit, []).append(use)
    by_unit_mentions: dict[str, list[BodyMention]] = {}
    for mention in mentions:
        by_unit_mentions.setdefault(mention.unit, []).append(mention)
    directives: list[Directive] = []
    extra: list[BodyMention] = []
    lead_ins: dict[str, Directive] = {}
    seen: list[BodyMention] = []
    state = _ReaderState()
    for unit in units:
        unit_mentions = by_unit_mentions.get(unit.path, [])
        if unit.kind in DIRECTIVE_UNITS and not unit.closing and unit.offsets:
            reader = _UnitReader(unit, unit_mentions, seen, profile, lexicon, adoption, state)
            found = reader.read(by_unit_verbs.get(unit.path, []), lead_ins.get(unit.parent or ""))
            directives.extend(found)
            extra.extend(reader.extra)
            if found and profile.search(UNKG.LeadInEnd, unit.text):
                lead_ins[unit.path] = found[-1]
            elif unit.parent in lead_ins and not profile.search(UNKG.BlockEnd, unit.text.rstrip()):
                # A title among the points ("(a) Protection of civilians", then "(i) To protect …"):
                # the lead-in above it passes through to its own points.
                lead_ins[unit.path] = lead_ins[unit.parent]
        elif unit.kind == Kind.ANNEX_PARAGRAPH and unit.offsets and lexicon.duty_verb:
            # An annex reads no operative verbs (it may quote a draft or another text), only a
            # body's task list ("the Monitoring Team shall have the following responsibilities:")
            # and the points that follow it, each a duty of that body.
            reader = _UnitReader(unit, unit_mentions, seen, profile, lexicon, adoption, state)
            statement = reader.duty_statement(lexicon.duty_verb)
            if statement is not None:
                directives.append(statement)
                lead_ins[unit.parent or ""] = statement
            elif unit.parent in lead_ins and _is_point(profile, unit.text):
                directives.extend(reader.read([], lead_ins[unit.parent]))
            else:
                lead_ins.pop(unit.parent or "", None)
            extra.extend(reader.extra)
        seen.extend(m for m in unit_mentions if m.body)
    return directives, extra


def _is_point(profile: Profile, text: str) -> bool:
    """Whether a paragraph opens with the marker of a point (a dash, "(a)", "(i)", "1.")."""
    return any(profile.match(role, text) for role in
               (UNKG.Bullet, UNKG.SubparagraphMarker, UNKG.RomanSubparagraphMarker, UNKG.OperativeNumber))


@dataclass(frozen=True)
class _Addressees:
    """Who a directive binds: linked bodies, unlinked words, where their words end, the words."""

    addressees: tuple[str, ...]
    unlinked: tuple[str, ...]
    end: int
    text: str


@dataclass
class _ReaderState:
    """What reading carries from one directive to the next: the last addressees (for "him")."""

    last: _Addressees | None = None


class _UnitReader:
    """Reads the directives of one unit; keeps the mentions it adds (anaphors, unlinked addressees)."""

    def __init__(self, unit: Unit, mentions: list[BodyMention], before: list[BodyMention], profile: Profile,
                 lexicon: Lexicon, adoption: date | None, state: _ReaderState) -> None:
        self.reader_state = state
        self.unit, self.text, self.profile, self.lexicon = unit, unit.text, profile, lexicon
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.before = before
        self.deadlines = find_deadlines(unit.text, unit.offsets, profile, adoption)
        self.extra: list[BodyMention] = []

    def read(self, verbs: list[VerbUse], lead_in: Directive | None) -> list[Directive]:
        found: list[Directive] = []
        first = verbs[0].start if verbs else len(self.text)
        if lead_in is not None and first > 0:
            found.extend(self._duties(lead_in.verb, lead_in.verb_text, 0, first, lead_in))
        for i, use in enumerate(verbs):
            verb = self.lexicon.verbs[use.verb]
            if not verb.directive:
                continue
            end = verbs[i + 1].start if i + 1 < len(verbs) else len(self.text)
            # "Requests all States, and encourages regional organizations … to cooperate …": an
            # addressee with no words of its own shares the duties of the verb that follows.
            shared = None
            if i + 1 < len(verbs) and self.lexicon.verbs[verbs[i + 1].verb].directive:
                shared = verbs[i + 2].start if i + 2 < len(verbs) else len(self.text)
            # "requests the Chair to invite …, and for CTED to report …": one verb, a second
            # addressee with its own action; each part is a directive of its own.
            parts = [m for m in self.profile.finditer(UNKG.ClauseAddressee, self.text[use.end:end])]
            starts = [(use.start, use.end)] + [
                (use.end + m.start() + len(m.group(0)) - len(m.group(0).lstrip(", ")), use.end + m.end()) for m in parts]
            for k, (begin, addressed) in enumerate(starts):
                stop = starts[k + 1][0] if k + 1 < len(starts) else end
                found.extend(self._duties(use.verb, use.text, begin, stop, None, addressed,
                                          shared if k == len(starts) - 1 else None))
        return found

    def duty_statement(self, verb: str) -> Directive | None:
        """A task list laid on a body without an operative verb ("the Monitoring Team shall
        operate … and shall have the following responsibilities:"): the first body bound by
        an obligation word before the list carries it."""
        tasks = self.profile.search(UNKG.TaskListLead, self.text)
        if tasks is None:
            return None
        for mention in self.mentions:
            if mention.end > tasks.start():
                break
            marker = self.profile.match(UNKG.ObligationMarker, self.text[mention.end:tasks.start()])
            if marker is None:
                continue
            who = self._listed([mention], mention.end)
            self.reader_state.last = who
            words = marker.group(0).strip()
            return self._directive(verb, words, mention.start, len(self.text), None, mention.end, mention.end, who)
        return None

    def _duties(self, verb: str, verb_text: str, start: int, end: int, lead_in: Directive | None,
                after_verb: int | None = None, shared: int | None = None) -> list[Directive]:
        """The directive of one verb's words, one per duty: "to report by June …, and to keep the
        Council informed …" lays two duties on one addressee, each with its own deadline."""
        body_start = after_verb if after_verb is not None else start
        if lead_in is not None:
            who = _Addressees(lead_in.addressees, lead_in.unlinked_addressees, body_start, lead_in.addressee_text)
            if not (who.addressees or who.unlinked):
                who = self._holder(body_start, end) or who
        else:
            who = self._addressees(verb, body_start, end)
        if who.addressees or who.unlinked:
            self.reader_state.last = who
            if shared is not None and self.profile.match(UNKG.SharedComplement, self.text[who.end:end]):
                end = shared
        boundaries = [who.end + m.start() for m in self.profile.finditer(UNKG.DutyBoundary, self.text[who.end:end])
                      if m.start() > 0]
        reporting = {a.iri for a in self.lexicon.actions if a.reporting}
        # A boundary counts only between two ways of reporting: "…review and make recommendations,
        # and submit them to the CTC" is one deliverable, "report by June, and keep the Council
        # informed" two duties.
        kept: list[int] = []
        for k, b in enumerate(boundaries):
            before = reporting & set(self._actions(kept[-1] if kept else body_start, b, []))
            after = reporting & set(self._actions(b, (boundaries + [end])[k + 1], []))
            if before and after:
                kept.append(b)
        cuts = [body_start] + kept + [end]
        duties = []
        for k in range(len(cuts) - 1):
            a, b = cuts[k], cuts[k + 1]
            if not self.text[a:b].strip(" ，；。,;.、"):
                continue
            duties.append(self._directive(verb, verb_text, start if k == 0 else a, b, lead_in,
                                          body_start if k == 0 else a, who.end if k == 0 else a, who))
        return duties

    def _directive(self, verb: str, verb_text: str, start: int, end: int, lead_in: Directive | None,
                   body_start: int, addressed_at: int, who: "_Addressees") -> Directive:
        deadlines = tuple(d for d in self.deadlines if addressed_at <= d.start and d.end <= end)
        assisted, assisted_spans = self._who(UNKG.AssistedBy, body_start, end)
        consulting, consulting_spans = self._who(UNKG.Consulting, body_start, end)
        excluded = [(d.start, d.end) for d in deadlines] + assisted_spans + consulting_spans
        actions = self._actions(body_start, end, excluded)
        reporting = {a.iri for a in self.lexicon.actions if a.reporting}
        report_to: tuple[str, ...] = ()
        if reporting & set(actions):
            report_to, _ = self._who(UNKG.ReportTo, body_start, end, [(d.start, d.end) for d in deadlines])
        if lead_in is not None:
            assisted = _merge(lead_in.assisted_by, assisted)
            consulting = _merge(lead_in.consulting, consulting)
        words = self.text[start:end].strip().rstrip(" ，；。,;.")
        begin = start + (len(self.text[start:end]) - len(self.text[start:end].lstrip()))
        return Directive(self.unit.path, verb, verb_text, who.addressees, who.unlinked, actions, report_to, assisted,
                         consulting, deadlines, words, self.unit.source_span(begin, begin + len(words)),
                         inherited=lead_in is not None, addressee_text=who.text)

    # addressees ------------------------------------------------------------------------------
    def _addressees(self, verb: str, start: int, end: int) -> "_Addressees":
        """The bodies a directive lays its duty on, the words that name them and where they end."""
        position = start
        while position < end and self.text[position] in " ，,":
            position += 1
        agent = self.profile.match(UNKG.PassiveAgent, self.text[position:end])
        if agent:
            # "further requests that the Committee’s list … be conveyed by the Secretariat to all
            # States": the agent of the passive is who must act.
            listed, after = self._list_at(position + agent.start("who"), end)
            if listed:
                return self._listed(listed, after)
        lead = self.profile.match(UNKG.AddresseeLead, self.text[position:end])
        if lead:
            position += lead.end()
        pronoun = self.profile.match(UNKG.PronounAddressee, self.text[position:end])
        last = self.reader_state.last
        if pronoun and last is not None:
            return _Addressees(last.addressees, last.unlinked, position + pronoun.end(), pronoun.group(0).strip())
        if last is not None and self.profile.match(UNKG.DeliverableFirst, self.text[position:end]):
            # "…, and requests also a final report to the Committee": the deliverable stands where
            # the addressee would, so the addressee is the one of the directive before.
            return _Addressees(last.addressees, last.unlinked, position, last.text)
        inclusion = self.profile.match(UNKG.AddresseeInclusion, self.text[position:end])
        if inclusion:
            position += inclusion.end()
        tasks = self.profile.search(UNKG.TaskListLead, self.text[position:end])
        if tasks:
            # "…to create … a group of experts (“Panel of Experts”), under the direction of the
            # Committee, to carry out the following tasks:": the body set up here carries them.
            here = self.profile.search(UNKG.EstablishedHere, self.text[position:position + tasks.start()])
            made = [m for m in self.mentions if here and m.body and m.start == position + here.start("name")]
            if made:
                return _Addressees((made[0].body,), (), made[0].end, made[0].text)
        listed, after = self._list_at(position, end)
        if listed and self.profile.match(UNKG.NameQualifier, self.text[after:end]):
            listed = []     # "the Committee’s list": the name qualifies a thing, it is not addressed
        if listed:
            listed = [self._anaphor(m.text, m.start) or m if m.body is None else m for m in listed]
            return self._listed(listed, after)
        for mention in self.mentions:
            if position <= mention.start < end:
                listed, after = self._list_at(mention.start, end)
                if listed and self.profile.match(UNKG.ObligationMarker, self.text[after:end]):
                    return self._listed(listed, after)
        if tasks:
            # "Decides to establish … a Committee … to undertake the following tasks:": the
            # body named last before the task list carries every task of it.
            holders = [m for m in self.mentions if m.body and position <= m.start and m.end <= position + tasks.start()]
            if holders:
                return _Addressees((holders[-1].body,), (), holders[-1].end, holders[-1].text)
        head = self.profile.match(UNKG.AnaphoricBody, self.text[position:end])
        if head and self.profile.match(UNKG.ObligationMarker, self.text[position + head.end():end]):
            # "decides that the Panel of Experts should provide …", "决定专家小组应…": a bare
            # head word bound by the decision is the body named before.
            return self._named(head.group(0), position)
        if self.lexicon.verbs[verb].rank >= _max_rank(self.lexicon):
            # "Decides that the measures … do not apply …, provided that the relevant State has
            # notified the Committee": the condition names who must report.
            return self._holder(position, end) or _Addressees((), (), position, "")
        described = None if head else self.profile.match(UNKG.DescribedAddressee, self.text[position:end])
        boundary = self.profile.search(UNKG.AddresseeEnd, self.text[position:end])
        length = head.end() if head else described.end() if described else boundary.start() if boundary else 0
        words = self.text[position:position + length]
        if not 2 <= len(words) <= (45 if described else 20):
            return _Addressees((), (), position, "")
        return self._named(words, position)

    def _named(self, words: str, position: int) -> "_Addressees":
        """The addressee named by ``words`` at ``position``: the body a head word means, else the
        words as an unlinked mention (kept and reported, never dropped)."""
        mention = self._anaphor(words, position)
        if mention:
            return _Addressees((mention.body,), (), mention.end, words)
        body = self.lexicon.addressee_for_label(words)
        self.extra.append(BodyMention(self.unit.path, words, self.unit.source_span(position, position + len(words)),
                                      position, position + len(words), body))
        if body:
            return _Addressees((body,), (), position + len(words), words)
        return _Addressees((), (words,), position + len(words), words)

    def _listed(self, listed: list[BodyMention], after: int) -> "_Addressees":
        """The addressees a list of mentions ending at ``after`` names, with its words."""
        return _Addressees(_bodies(listed), _unlinked(listed), after, self.text[listed[0].start:after])

    def _holder(self, start: int, end: int) -> "_Addressees | None":
        """Who a decision's condition obliges ("provided that the relevant State has notified
        the Committee"), where no addressee follows the verb."""
        holder = self.profile.search(UNKG.DutyHolder, self.text[start:end])
        if holder is None:
            return None
        a, b = start + holder.start("who"), start + holder.end("who")
        inside = [m for m in self.mentions if a <= m.start and m.end <= b and m.body]
        if inside:
            return _Addressees(_bodies(inside), (), start, self.text[a:b])
        implied = self.profile.implied_body(holder)
        return _Addressees((implied,), (), start, self.text[a:b]) if implied else None

    def _list_at(self, position: int, end: int) -> tuple[list[BodyMention], int]:
        """The mentions forming a list that starts exactly at ``position``."""
        listed: list[BodyMention] = []
        cursor = position
        for mention in self.mentions:
            if mention.start < cursor or mention.start >= end:
                continue
            gap = self.text[cursor:mention.start]
            if (not listed and mention.start != position) or (listed and not self.profile.match(UNKG.AddresseeListGap, gap)):
                break
            listed.append(mention)
            cursor = mention.end
        return listed, cursor

    def _anaphor(self, words: str, position: int) -> BodyMention | None:
        body = resolve_anaphor(words, self.before + [m for m in self.mentions if m.end <= position] + self.extra,
                               self.profile, self.lexicon)
        if body is None:
            return None
        mention = BodyMention(self.unit.path, words, self.unit.source_span(position, position + len(words)),
                              position, position + len(words), body, anaphoric=True)
        self.extra.append(mention)
        return mention

    # who helps, who is consulted, who is reported to ---------------------------------------------
    def _who(self, role: str, start: int, end: int, avoid: list[tuple[int, int]] | None = None
             ) -> tuple[tuple[str, ...], list[tuple[int, int]]]:
        bodies: list[str] = []
        spans: list[tuple[int, int]] = []
        for match in self.profile.finditer(role, self.text[start:end]):
            a, b = start + match.start(), start + match.end()
            if any(not (b <= x or a >= y) for x, y in avoid or []):
                continue
            who_a, who_b = start + match.start("who"), start + match.end("who")
            inside = [m.body for m in self.mentions if who_a <= m.start and m.end <= who_b and m.body]
            if not inside:
                mention = self._anaphor(self.text[who_a:who_b], who_a)
                inside = [mention.body] if mention else []
            if inside:
                bodies.extend(inside)
                spans.append((a, b))
        return _merge((), tuple(bodies)), spans

    def _actions(self, start: int, end: int, excluded: list[tuple[int, int]]) -> tuple[str, ...]:
        hits: list[tuple[int, str]] = []
        for action in self.lexicon.actions:
            for pattern in action.patterns:
                position = start
                # A match that starts inside a deadline or helper phrase is that phrase's words
                # ("在向反恐委员会提交初次评估报告后 12 个月之内"), not an action; search again just
                # after it. One that only runs across such a phrase ("provide regular updates,
                # including a formal report every 90 days to the Council") is an action.
                while (match := pattern.search(self.text, position, end)) is not None:
                    if not any(x <= match.start() < y for x, y in excluded):
                        hits.append((match.start(), action.iri))
                        position = match.end()
                    else:
                        position = match.start() + 1
        hits.sort()
        return _merge((), tuple(iri for _, iri in hits))


def _bodies(mentions: list[BodyMention]) -> tuple[str, ...]:
    return _merge((), tuple(m.body for m in mentions if m.body))


def _unlinked(mentions: list[BodyMention]) -> tuple[str, ...]:
    return tuple(m.text for m in mentions if not m.body)


def _merge(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    """Both sequences, in order, without repeats."""
    return tuple(dict.fromkeys(first + second))


def _max_rank(lexicon: Lexicon) -> int:
    return max((verb.rank for verb in lexicon.verbs.values()), default=0)

