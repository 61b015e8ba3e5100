"""Namespaces: the project's own closed namespace (typos fail) and the reused vocabularies."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace, URIRef

ELI = Namespace("http://data.europa.eu/eli/ontology#")
CITO = Namespace("http://purl.org/spar/cito/")
OA = Namespace("http://www.w3.org/ns/oa#")
UNKGV = Namespace("https://w3id.org/unkg/vocab/")
ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")


class UNKG(DefinedNamespace):
    """Terms of the unkg ontology (ontology/unkg.ttl); tests check the two agree."""

    _NS = Namespace("https://w3id.org/unkg/ontology#")
    _fail = True

    # classes
    UNDocument: URIRef
    Resolution: URIRef
    PresidentialStatement: URIRef
    GeneralAssemblyResolution: URIRef
    Letter: URIRef
    Report: URIRef
    SourceFile: URIRef
    Paragraph: URIRef
    PreambularParagraph: URIRef
    OperativeParagraph: URIRef
    SubParagraph: URIRef
    Heading: URIRef
    EnactingClause: URIRef
    ClosingParagraph: URIRef
    LetterParagraph: URIRef
    Signature: URIRef
    ReportSection: URIRef
    ReportParagraph: URIRef
    Annex: URIRef
    AnnexParagraph: URIRef
    Instrument: URIRef
    LanguageProfile: URIRef
    TextPattern: URIRef
    PatternRole: URIRef
    # properties
    text: URIRef
    position: URIRef
    startOffset: URIRef
    endOffset: URIRef
    page: URIRef
    inDocument: URIRef
    underHeading: URIRef
    meetingNumber: URIRef
    actingUnderChapterVII: URIRef
    identification: URIRef
    identificationNote: URIRef
    reportsOn: URIRef
    reportsOnResolution: URIRef
    mentionsInstrument: URIRef
    addressee: URIRef
    instrumentKind: URIRef
    sha256: URIRef
    encoding: URIRef
    footerLink: URIRef
    citedText: URIRef
    yearKnown: URIRef
    role: URIRef
    regex: URIRef
    impliedBody: URIRef
    # concept schemes
    IdentificationMethod: URIRef
    InstrumentKind: URIRef
    # pattern roles
    ResolutionTitle: URIRef
    AdoptionLine: URIRef
    CouncilOpening: URIRef
    ChapterVIIFormula: URIRef
    ClosingFormula: URIRef
    OperativeNumber: URIRef
    SubparagraphMarker: URIRef
    RomanSubparagraphMarker: URIRef
    BlockEnd: URIRef
    DocumentEnd: URIRef
    PreambleEnd: URIRef
    LetterTitle: URIRef
    SignatureLine: URIRef
    AnnexMarker: URIRef
    ReportSectionHeading: URIRef
    NumberRange: URIRef
    Bullet: URIRef
    ResolutionCitation: URIRef
    ResolutionListItem: URIRef
    AnaphoricParagraphCitation: URIRef
    GeneralAssemblyResolutionCitation: URIRef
    PresidentialStatementCitation: URIRef
    InstrumentTitle: URIRef
    QuotedInstrument: URIRef
    FooterLink: URIRef
    PageFurniture: URIRef
    DocumentSymbol: URIRef
    keyword: URIRef
    # bodies, verbs, directives, deadlines, deliveries
    AddresseeGroup: URIRef
    StateGovernment: URIRef
    BodyMention: URIRef
    Verb: URIRef
    VerbModifier: URIRef
    Strength: URIRef
    VerbUse: URIRef
    Action: URIRef
    Directive: URIRef
    Deadline: URIRef
    ReportedDelivery: URIRef
    Bodies: URIRef
    Verbs: URIRef
    VerbModifiers: URIRef
    Strengths: URIRef
    Actions: URIRef
    DeadlineKinds: URIRef
    form: URIRef
    notFollowedBy: URIRef
    strength: URIRef
    rank: URIRef
    binding: URIRef
    directive: URIRef
    intensifies: URIRef
    reporting: URIRef
    establishedBy: URIRef
    addresseeLabel: URIRef
    readsDutyStatements: URIRef
    refersTo: URIRef
    mentionsBody: URIRef
    anaphoric: URIRef
    verb: URIRef
    modifier: URIRef
    usesVerb: URIRef
    hasDirective: URIRef
    inParagraph: URIRef
    verbText: URIRef
    action: URIRef
    reportTo: URIRef
    assistedBy: URIRef
    inConsultationWith: URIRef
    unlinkedAddressee: URIRef
    addresseeText: URIRef
    inherited: URIRef
    deadline: URIRef
    deadlineKind: URIRef
    deadlineText: URIRef
    offset: URIRef
    relativeTo: URIRef
    afterEvent: URIRef
    atLeast: URIRef
    answers: URIRef
    deliveredOn: URIRef
    deliveredBy: URIRef
    deliveredTo: URIRef
    isThisDocument: URIRef
    # pattern roles (directives)
    DeadlineDate: URIRef
    MandateEnd: URIRef
    RelativeDeadline: URIRef
    AdoptionEvent: URIRef
    EventDeadline: URIRef
    DutyBoundary: URIRef
    SharedComplement: URIRef
    PassiveAgent: URIRef
    NameQualifier: URIRef
    LeadInEnd: URIRef
    PronounAddressee: URIRef
    DutyHolder: URIRef
    DeliverableFirst: URIRef
    ShortNameDefinition: URIRef
    EstablishedHere: URIRef
    TaskListLead: URIRef
    Recurrence: URIRef
    ClauseStart: URIRef
    ObligationMarker: URIRef
    AddresseeListGap: URIRef
    AddresseeEnd: URIRef
    DescribedAddressee: URIRef
    AddresseeInclusion: URIRef
    AddresseeLead: URIRef
    ClauseAddressee: URIRef
    ParagraphVersion: URIRef
    hasVersion: URIRef
    versionOf: URIRef
    alignmentNote: URIRef
    unitWord: URIRef
    numberWord: URIRef
    monthWord: URIRef
    bodyHeadWord: URIRef
    bodyNameTemplate: URIRef
    governmentName: URIRef
    governmentForm: URIRef
    stateName: URIRef
    demonym: URIRef
    minted: URIRef
    AssistedBy: URIRef
    Consulting: URIRef
    ReportTo: URIRef
    AnaphoricBody: URIRef
    EstablishedBody: URIRef
    OrganisationName: URIRef
    OrganisationNameNoise: URIRef
    OrganisationNameExcluded: URIRef
    Submission: URIRef
    FirstPerson: URIRef
    FullDate: URIRef
    SentenceEnd: URIRef
