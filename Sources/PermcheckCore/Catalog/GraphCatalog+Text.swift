extension GraphCatalog {
    /// The embedded catalogue's text (the `rules/graph/catalog.tsv` format), e.g. for the MCP catalogue resource.
    public static var embeddedText: String { GraphCatalogData.text }
}
