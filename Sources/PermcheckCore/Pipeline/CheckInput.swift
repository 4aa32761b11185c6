import Foundation

/// Everything one check needs, as the edges supply it. Every caller — the main check, `can`, `compare`, `preflight`,
/// `batch`, `rules test` and the MCP server — only builds one of these and hands it to ``Permcheck/check(_:context:)``;
/// the pipeline resolves the rule, decodes the token, reads the evidence and evaluates, in that order.
/// Nothing here names a command-line option: the edges translate their own spellings.
public struct CheckInput {
    /// How the rule is chosen.
    public enum RuleChoice {
        /// An API rule id or alias.
        case api(String)
        /// A request line `METHOD URL`: a hand-written rule whose template matches wins, else the Graph catalogue.
        case request(String)
        /// A rule the caller already has (rule examples).
        case rule(APIRule)
    }

    /// Where the rules come from.
    public enum RuleTable {
        /// The rules compiled into the binary, parsing only the files the check needs (one check per process).
        case builtIn
        /// A loaded rule set: `--rules DIR`, or every built-in rule for a run of many checks.
        case loaded(RuleSet)
    }

    /// Where the token comes from.
    public enum TokenSource {
        /// A token decoded already (rule examples build theirs from claims).
        case decoded(AccessToken)
        /// Bytes to decode; `source` names them in errors ("line 3", "token file 'a.jwt'").
        case bytes([UInt8], source: String)
        /// Bytes of batch input line `line` (named "line N" in errors), decoded in place when they are a plain JWS.
        case line(ArraySlice<UInt8>, line: Int)
        /// Bytes the edge reads only when the pipeline reaches the token, so errors come in pipeline order.
        case deferred(() throws(PermcheckError) -> (bytes: [UInt8], source: String))
    }

    /// One evidence file (or inline JSON) of one kind.
    public struct EvidenceDocument {
        /// What the file holds.
        public enum Content {
            /// JSON already parsed (rule examples, MCP inline values).
            case json(JSONValue)
            /// The file's bytes, read when the pipeline reaches them.
            case bytes(() throws(PermcheckError) -> [UInt8])
        }

        public let kind: EvidenceKind
        /// The path (or a description) that names the document in messages.
        public let path: String
        public let content: Content

        public init(kind: EvidenceKind, path: String, content: Content) {
            self.kind = kind
            self.path = path
            self.content = content
        }
    }

    /// The stage an input error comes from, so callers can say which of their fields was wrong.
    public enum Field {
        case rule
        case token
        case evidence(EvidenceKind)
    }

    public var rule: RuleChoice
    public var rules: RuleTable
    public var token: TokenSource
    /// A request line known besides the rule choice (a raw request file with `--api`): its method and URL reach the
    /// evaluation. With ``RuleChoice/request(_:)`` the request itself is used.
    public var requestLine: String?
    /// Evidence already in hand (target case and collection, grant change time, or evidence read once for many
    /// checks); ``documents`` are read into it.
    public var evidence: Evidence
    /// Evidence files to read, any order (they are read in ``EvidenceKind/all`` order).
    public var documents: [EvidenceDocument]
    /// Request headers; `nil` when none were given (header requirements are then unknown).
    public var headers: [(name: String, value: String)]?
    /// The time to evaluate at. The pipeline never reads the clock.
    public var at: Date
    /// The status the user saw; default: the observed response's.
    public var observedStatus: Int?
    /// What the service answered, when the user pasted it.
    public var observedResponse: ObservedResponse?
    /// The target endpoint's cloud; default: the request host's, then the response challenge's authority.
    public var targetCloud: Cloud?
    /// Which texts the evaluation builds: ``EvaluationDetail/brief`` when the caller writes no finding messages.
    public var detail: EvaluationDetail = .full

    public init(rule: RuleChoice, rules: RuleTable = .builtIn, token: TokenSource, at: Date) {
        self.rule = rule
        self.rules = rules
        self.token = token
        self.at = at
        evidence = Evidence()
        documents = []
    }
}
