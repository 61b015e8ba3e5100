"""Map stage: a Document (plain data) → an rdflib Graph against the unkg ontology.

This is the only module that makes RDF from extracted data. Every node is an IRI (no
blank nodes), so dumps are byte-stable; every paragraph and mention carries its source
and character offsets, so any triple leads back to the words it came from.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

from .iri import IriMinter
from .model import Citation, Deadline, Document, Identification, Kind, Span, Unit
from .reftable import ReferenceTable
from .symbols import resolution_number, symbol_kind
from .vocab import CITO, ELI, ORG, TIME, UNKG, UNKGV

_CLASS = {
    Kind.PREAMBULAR: UNKG.PreambularParagraph,
    Kind.OPERATIVE: UNKG.OperativeParagraph,
    Kind.SUBPARAGRAPH: UNKG.SubParagraph,
    Kind.HEADING: UNKG.Heading,
    Kind.ENACTING: UNKG.EnactingClause,
    Kind.LETTER_PARAGRAPH: UNKG.LetterParagraph,
    Kind.SIGNATURE: UNKG.Signature,
    Kind.REPORT_SECTION: UNKG.ReportSection,
    Kind.REPORT_PARAGRAPH: UNKG.ReportParagraph,
    Kind.ANNEX: UNKG.Annex,
    Kind.ANNEX_PARAGRAPH: UNKG.AnnexParagraph,
}
PREFIXES = {"unkg": UNKG._NS, "eli": ELI, "cito": CITO, "dcterms": DCTERMS, "prov": PROV,
            "skos": SKOS, "owl": OWL, "time": TIME, "unkgv": UNKGV, "foaf": FOAF}


def document_iri(document: Document, minter: IriMinter) -> URIRef:
    """The IRI of a loaded document: from its symbol, or from its checksum when unidentified."""
    if document.identity.symbol:
        return minter.document(document.identity.symbol)
    return minter.unidentified(document.source.sha256)


def new_graph() -> Graph:
    """An empty graph with the project's prefixes bound."""
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("rdf", RDF)
    graph.bind("rdfs", RDFS)
    graph.bind("xsd", XSD)
    return graph


def map_document(document: Document, minter: IriMinter, table: ReferenceTable) -> Graph:
    """The RDF graph of one document (its own graph; datasets merge these)."""
    graph = new_graph()
    doc = document_iri(document, minter)
    source = minter.source(document.source.sha256)
    _map_source(graph, document, source)
    _map_identity(graph, document, doc, source, minter, table)
    language = document.language
    paths = {unit.path: minter.part(str(doc), unit.path) for unit in document.units}
    for unit in document.units:
        _map_unit(graph, unit, paths, doc, source, language)
    _map_citations(graph, document, doc, paths, source, minter, table)
    _map_instruments(graph, document, paths, source, minter, language)
    _map_minted(graph, document, source, minter)
    _map_mentions(graph, document, paths, source)
    _map_verbs(graph, document, paths, source)
    _map_directives(graph, document, doc, paths, source)
    _map_deliveries(graph, document, doc, paths, source, minter)
    if document.identity.subject:
        subject = minter.document(document.identity.subject)
        graph.add((doc, UNKG.reportsOnResolution, subject))
        for unit in document.units:
            for number in unit.reports_on:
                graph.add((paths[unit.path], UNKG.reportsOn, minter.part(str(subject), f"op/{number}")))
    return graph


def _map_source(graph: Graph, document: Document, source: URIRef) -> None:
    graph.add((source, RDF.type, UNKG.SourceFile))
    graph.add((source, RDF.type, PROV.Entity))
    graph.add((source, DCTERMS.title, Literal(document.source.name)))
    graph.add((source, UNKG.sha256, Literal(document.source.sha256)))
    graph.add((source, UNKG.encoding, Literal(document.source.encoding)))
    graph.add((source, DCTERMS["format"], Literal(document.source.media_type)))


def _map_identity(graph: Graph, document: Document, doc: URIRef, source: URIRef, minter: IriMinter,
                  table: ReferenceTable) -> None:
    identity = document.identity
    kind = UNKG.Letter if identity.doc_type == "letter" else UNKG.Resolution
    graph.add((doc, RDF.type, kind))
    if kind == UNKG.Resolution:
        graph.add((doc, RDF.type, ELI.LegalResource))
    graph.add((doc, PROV.wasDerivedFrom, source))
    graph.add((doc, DCTERMS.language, Literal(document.language, datatype=XSD.language)))
    graph.add((doc, UNKG.identification, UNKGV["identification/" + identity.how.value]))
    for note in identity.notes:
        graph.add((doc, UNKG.identificationNote, Literal(note, lang="en")))
    if identity.symbol:
        graph.add((doc, ELI.id_local, Literal(identity.symbol)))
        graph.add((doc, RDFS.seeAlso, minter.undocs(identity.symbol)))
        parsed = resolution_number(identity.symbol)
        if parsed:
            graph.add((doc, ELI.number, Literal(str(parsed[0]))))
            _library_record(graph, doc, parsed[0], table)
    if identity.adoption_date:
        graph.add((doc, ELI.date_document, Literal(identity.adoption_date, datatype=XSD.date)))
    if identity.meeting:
        graph.add((doc, UNKG.meetingNumber, Literal(identity.meeting, datatype=XSD.integer)))
    if kind == UNKG.Resolution:
        graph.add((doc, UNKG.actingUnderChapterVII, Literal(identity.chapter_vii)))
    if identity.title:
        graph.add((doc, DCTERMS.title, Literal(identity.title, lang="en" if kind == UNKG.Resolution else document.language)))
    for role, label in ((DCTERMS.creator, identity.author), (UNKG.addressee, identity.addressee)):
        if label:
            agent = minter.agent(label)
            graph.add((doc, role, agent))
            graph.add((agent, RDF.type, PROV.Agent))
            graph.add((agent, RDFS.label, Literal(label, lang=document.language)))
    for link in document.footer_links:
        graph.add((doc, UNKG.footerLink, URIRef(link)))
    for subject in document.subjects:
        graph.add((doc, DCTERMS.subject, URIRef(subject)))


def _map_unit(graph: Graph, unit: Unit, paths: dict[str, URIRef], doc: URIRef, source: URIRef, language: str) -> None:
    node = paths[unit.path]
    graph.add((node, RDF.type, _CLASS[unit.kind]))
    if unit.closing:
        graph.add((node, RDF.type, UNKG.ClosingParagraph))
    parent = paths[unit.parent] if unit.parent else doc
    graph.add((node, ELI.is_part_of, parent))
    graph.add((parent, ELI.has_part, node))
    graph.add((node, UNKG.inDocument, doc))
    graph.add((node, UNKG.position, Literal(unit.position, datatype=XSD.integer)))
    if unit.number:
        graph.add((node, ELI.number, Literal(unit.number)))
    if unit.heading:
        graph.add((node, UNKG.underHeading, paths[unit.heading]))
    graph.add((node, UNKG.text, Literal(unit.text, lang=language)))
    # Offsets and source belong to one language's text: they sit on the paragraph's version
    # in that language, so the Chinese and English texts of a paragraph can share it.
    version = URIRef(f"{node}/{language}")
    graph.add((node, UNKG.hasVersion, version))
    graph.add((version, RDF.type, UNKG.ParagraphVersion))
    graph.add((version, UNKG.versionOf, node))
    graph.add((version, DCTERMS.language, Literal(language, datatype=XSD.language)))
    graph.add((version, UNKG.text, Literal(unit.text, lang=language)))
    _provenance(graph, version, source, unit.span.start, unit.span.end)


def _provenance(graph: Graph, node: URIRef, source: URIRef, start: int, end: int) -> None:
    graph.add((node, PROV.wasDerivedFrom, source))
    graph.add((node, UNKG.startOffset, Literal(start, datatype=XSD.integer)))
    graph.add((node, UNKG.endOffset, Literal(end, datatype=XSD.integer)))


def _map_citations(graph: Graph, document: Document, doc: URIRef, paths: dict[str, URIRef], source: URIRef,
                   minter: IriMinter, table: ReferenceTable) -> None:
    counters: dict[tuple[str, str], int] = {}
    for citation in document.citations:
        node = _numbered(paths, citation.unit, "citation", counters, document.language)
        cited = _cited_resource(graph, citation, minter, table)
        graph.add((node, RDF.type, CITO.Citation))
        graph.add((node, CITO.hasCitingEntity, paths[citation.unit]))
        graph.add((node, CITO.hasCitedEntity, cited))
        graph.add((node, CITO.hasCitationCharacterisation, CITO.cites))
        graph.add((node, UNKG.citedText, Literal(citation.text, lang=document.language)))
        if citation.note:
            graph.add((node, SKOS.editorialNote, Literal(citation.note, lang="en")))
        if not citation.year_known:
            graph.add((node, UNKG.yearKnown, Literal(False)))
        _provenance(graph, node, source, citation.span.start, citation.span.end)
        graph.add((paths[citation.unit], ELI.cites, cited))
        graph.add((doc, ELI.cites, minter.document(citation.symbol)))


def _library_record(graph: Graph, resolution: URIRef, number: int, table: ReferenceTable) -> None:
    """Link a resolution to its UN Digital Library record: date and title for the years
    before the reference table begins (2000)."""
    record = table.library_record(number)
    if record:
        graph.add((resolution, FOAF.isPrimaryTopicOf, URIRef(record)))


def _cited_resource(graph: Graph, citation: Citation, minter: IriMinter, table: ReferenceTable) -> URIRef:
    target = minter.document(citation.symbol)
    graph.add((target, RDF.type, UNKG[symbol_kind(citation.symbol)]))
    graph.add((target, ELI.id_local, Literal(citation.symbol)))
    graph.add((target, RDFS.seeAlso, minter.undocs(citation.symbol)))
    parsed = resolution_number(citation.symbol)
    if parsed:
        graph.add((target, ELI.number, Literal(str(parsed[0]))))
        _library_record(graph, target, parsed[0], table)
        record = table.by_number(parsed[0])
        if record is not None and record.year == parsed[1]:
            graph.add((target, DCTERMS.title, Literal(record.title, lang="en")))
            if record.adopted:
                graph.add((target, ELI.date_document, Literal(record.adopted, datatype=XSD.date)))
    if not citation.paragraph:
        return target
    paragraph = minter.part(str(target), citation.paragraph)
    graph.add((paragraph, RDF.type, ELI.LegalResourceSubdivision))
    graph.add((paragraph, UNKG.inDocument, target))
    graph.add((paragraph, ELI.number, Literal(citation.paragraph.split("/")[-1])))
    return paragraph


def _map_instruments(graph: Graph, document: Document, paths: dict[str, URIRef], source: URIRef,
                     minter: IriMinter, language: str) -> None:
    counters: dict[tuple[str, str], int] = {}
    for mention in document.instruments:
        instrument = minter.instrument(mention.name)
        graph.add((instrument, RDF.type, UNKG.Instrument))
        graph.add((instrument, SKOS.prefLabel, Literal(mention.name, lang=language)))
        graph.add((instrument, UNKG.instrumentKind, UNKGV["instrument-kind/" + mention.kind]))
        node = _numbered(paths, mention.unit, "instrument", counters, language)
        graph.add((node, RDF.type, CITO.Citation))
        graph.add((node, CITO.hasCitingEntity, paths[mention.unit]))
        graph.add((node, CITO.hasCitedEntity, instrument))
        graph.add((node, CITO.hasCitationCharacterisation, CITO.cites))
        graph.add((node, UNKG.citedText, Literal(mention.name, lang=language)))
        _provenance(graph, node, source, mention.span.start, mention.span.end)
        graph.add((paths[mention.unit], UNKG.mentionsInstrument, instrument))


def _numbered(paths: dict[str, URIRef], unit: str, what: str, counters: dict[tuple[str, str], int],
              language: str) -> URIRef:
    """The next IRI ``<paragraph>/<language>/<what>/<n>`` of a paragraph's language version
    (n from 1 in text order): facts read from the Chinese and the English text of one
    paragraph never share an IRI."""
    counters[(unit, what)] = counters.get((unit, what), 0) + 1
    return URIRef(f"{paths[unit]}/{language}/{what}/{counters[(unit, what)]}")


def _fact(graph: Graph, paths: dict[str, URIRef], unit: str, what: str, cls: URIRef,
          counters: dict[tuple[str, str], int], language: str, source: URIRef, span: Span) -> URIRef:
    """A fact read from one paragraph: its numbered node, class, paragraph and provenance."""
    node = _numbered(paths, unit, what, counters, language)
    graph.add((node, RDF.type, cls))
    graph.add((node, UNKG.inParagraph, paths[unit]))
    _provenance(graph, node, source, span.start, span.end)
    return node


def _map_minted(graph: Graph, document: Document, source: URIRef, minter: IriMinter) -> None:
    """Bodies the authority file lacks, named by their founding resolution: typed, labelled in
    every language from the profiles' templates (so versions agree), and marked as minted."""
    for body in document.minted:
        node = URIRef(body.iri)
        graph.add((node, RDF.type, ORG.Post if body.post_in else ORG.OrganizationalUnit))
        graph.add((node, RDF.type, SKOS.Concept))
        graph.add((node, SKOS.inScheme, UNKG.Bodies))
        graph.add((node, UNKG.minted, Literal(True)))
        for language, name in body.labels:
            graph.add((node, SKOS.prefLabel, Literal(name, lang=language)))
        for symbol in body.established_by:
            graph.add((node, UNKG.establishedBy, Literal(symbol)))
            graph.add((node, RDFS.seeAlso, minter.document(symbol)))
        if body.post_in:
            graph.add((node, ORG.postIn, URIRef(body.post_in)))


def _map_mentions(graph: Graph, document: Document, paths: dict[str, URIRef], source: URIRef) -> None:
    counters: dict[tuple[str, str], int] = {}
    for mention in document.mentions:
        node = _fact(graph, paths, mention.unit, "body", UNKG.BodyMention, counters, document.language, source,
                     mention.span)
        graph.add((node, UNKG.citedText, Literal(mention.text, lang=document.language)))
        if mention.body:
            graph.add((node, UNKG.refersTo, URIRef(mention.body)))
            graph.add((paths[mention.unit], UNKG.mentionsBody, URIRef(mention.body)))
        if mention.anaphoric:
            graph.add((node, UNKG.anaphoric, Literal(True)))


def _map_verbs(graph: Graph, document: Document, paths: dict[str, URIRef], source: URIRef) -> None:
    counters: dict[tuple[str, str], int] = {}
    for use in document.verbs:
        node = _fact(graph, paths, use.unit, "verb", UNKG.VerbUse, counters, document.language, source, use.span)
        graph.add((node, UNKG.verb, URIRef(use.verb)))
        for modifier in use.modifiers:
            graph.add((node, UNKG.modifier, URIRef(modifier)))
        graph.add((node, UNKG.verbText, Literal(use.text, lang=document.language)))
        graph.add((node, UNKG.position, Literal(counters[(use.unit, "verb")], datatype=XSD.integer)))
        graph.add((paths[use.unit], UNKG.usesVerb, URIRef(use.verb)))


def _map_directives(graph: Graph, document: Document, doc: URIRef, paths: dict[str, URIRef], source: URIRef) -> None:
    counters: dict[tuple[str, str], int] = {}
    language = document.language
    for directive in document.directives:
        node = _fact(graph, paths, directive.unit, "directive", UNKG.Directive, counters, language, source,
                     directive.span)
        graph.add((node, UNKG.inDocument, doc))
        graph.add((paths[directive.unit], UNKG.hasDirective, node))
        graph.add((node, UNKG.position, Literal(counters[(directive.unit, "directive")], datatype=XSD.integer)))
        graph.add((node, UNKG.verb, URIRef(directive.verb)))
        graph.add((node, UNKG.verbText, Literal(directive.verb_text, lang=language)))
        graph.add((node, UNKG.text, Literal(directive.text, lang=language)))
        if directive.inherited:
            graph.add((node, UNKG.inherited, Literal(True)))
        for prop, values in ((UNKG.addressee, directive.addressees), (UNKG.action, directive.actions),
                             (UNKG.reportTo, directive.report_to), (UNKG.assistedBy, directive.assisted_by),
                             (UNKG.inConsultationWith, directive.consulting)):
            for value in values:
                graph.add((node, prop, URIRef(value)))
        if directive.addressee_text:
            graph.add((node, UNKG.addresseeText, Literal(directive.addressee_text, lang=language)))
        for words in directive.unlinked_addressees:
            graph.add((node, UNKG.unlinkedAddressee, Literal(words, lang=language)))
        for number, deadline in enumerate(directive.deadlines, 1):
            _map_deadline(graph, URIRef(f"{node}/deadline/{number}"), node, deadline, doc, source, language)


def _map_deadline(graph: Graph, node: URIRef, directive: URIRef, deadline: Deadline, doc: URIRef, source: URIRef,
                  language: str) -> None:
    graph.add((directive, UNKG.deadline, node))
    graph.add((node, RDF.type, UNKG.Deadline))
    graph.add((node, UNKG.deadlineKind, UNKGV["deadline-kind/" + deadline.kind]))
    graph.add((node, UNKG.deadlineText, Literal(deadline.text, lang=language)))
    if deadline.due:
        graph.add((node, TIME.inXSDDate, Literal(deadline.due, datatype=XSD.date)))
    if deadline.month:
        graph.add((node, TIME.inXSDgYearMonth, Literal(deadline.month, datatype=XSD.gYearMonth)))
    if deadline.year:
        graph.add((node, TIME.inXSDgYear, Literal(f"{deadline.year:04d}", datatype=XSD.gYear)))
    if deadline.offset:
        graph.add((node, UNKG.offset, Literal(deadline.offset, datatype=XSD.duration)))
        if deadline.kind == "RelativeToAdoption":
            graph.add((node, UNKG.relativeTo, doc))
    if deadline.period:
        graph.add((node, TIME.hasXSDDuration, Literal(deadline.period, datatype=XSD.duration)))
    if deadline.at_least:
        graph.add((node, UNKG.atLeast, Literal(True)))
    if deadline.event:
        graph.add((node, UNKG.afterEvent, Literal(deadline.event, lang=language)))
    _provenance(graph, node, source, deadline.span.start, deadline.span.end)


def _map_deliveries(graph: Graph, document: Document, doc: URIRef, paths: dict[str, URIRef], source: URIRef,
                    minter: IriMinter) -> None:
    counters: dict[tuple[str, str], int] = {}
    for delivery in document.deliveries:
        node = _fact(graph, paths, delivery.unit, "delivery", UNKG.ReportedDelivery, counters, document.language,
                     source, delivery.span)
        answered = minter.part(str(minter.document(delivery.symbol)), delivery.paragraph)
        graph.add((node, UNKG.inDocument, doc))
        graph.add((node, UNKG.answers, answered))
        graph.add((answered, RDF.type, ELI.LegalResourceSubdivision))
        graph.add((answered, UNKG.inDocument, minter.document(delivery.symbol)))
        graph.add((answered, ELI.number, Literal(delivery.paragraph.split("/")[-1])))
        if delivery.delivered:
            graph.add((node, UNKG.deliveredOn, Literal(delivery.delivered, datatype=XSD.date)))
        if delivery.by:
            graph.add((node, UNKG.deliveredBy, URIRef(delivery.by)))
        if delivery.to:
            graph.add((node, UNKG.deliveredTo, URIRef(delivery.to)))
        graph.add((node, UNKG.isThisDocument, Literal(delivery.this_document)))
        graph.add((node, UNKG.text, Literal(delivery.text, lang=document.language)))


__all__ = ["map_document", "document_iri", "new_graph", "PREFIXES", "Identification"]
