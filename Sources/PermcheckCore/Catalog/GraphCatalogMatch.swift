/// The result of looking a request up in the ``GraphCatalog``.
public struct GraphCatalogMatch: Sendable, Equatable {
    /// A liberty the matcher took to find the operation; an empty list means a direct match.
    public enum Adjustment: String, Sendable, Equatable, CaseIterable {
        /// The request used `/me/…` and only `/users/{id}/…` is in the catalogue.
        case meAsUser = "me-as-users-id"
        /// The request used `/users/{id}/…` and only `/me/…` is in the catalogue.
        case userAsMe = "users-id-as-me"
        /// A `microsoft.graph.…` cast or namespace segment was ignored on the request or template side.
        case castIgnored = "cast-ignored"
        /// A trailing `$count`, `$value` or `$ref` segment was dropped from the request.
        case dollarSegmentDropped = "dollar-segment-dropped"
    }

    /// The matched operation with its permissions.
    public let operation: GraphOperation
    /// The request that was matched.
    public let target: RequestTarget
    /// What the matcher had to assume; empty for a direct match.
    public let adjustments: [Adjustment]

    /// Creates a match.
    public init(operation: GraphOperation, target: RequestTarget, adjustments: [Adjustment]) {
        self.operation = operation
        self.target = target
        self.adjustments = adjustments
    }

    /// The matched template, canonical form.
    public var template: String { operation.pathTemplate }
    /// The cloud reported by the request's host, if known.
    public var cloud: Cloud? { target.cloud }
    /// Whether the template matched without any adjustment.
    public var isDirect: Bool { adjustments.isEmpty }
}
