import Testing
@testable import PermcheckCore

/// Escaping in the CI formats: a message or name can never break out of its workflow command or XML element.
@Suite struct CIEscapingTests {
    @Test(arguments: [("100% done", "100%25 done"), ("a\nb", "a%0Ab"), ("a\r\nb", "a%0D%0Ab"), ("%0A", "%250A"), ("a:b,c", "a:b,c")])
    func workflowCommandMessagesEscapePercentAndLineBreaks(text: String, escaped: String) {
        #expect(WorkflowCommands.escapeData(text) == escaped)
    }

    @Test func workflowCommandPropertiesAlsoEscapeColonAndComma() {
        #expect(WorkflowCommands.escapeProperty("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
    }

    @Test(arguments: [("<a href=\"x\">&'", "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"), ("a\nb", "a&#10;b"), ("bell\u{7}", "bell\u{FFFD}")])
    func junitTextEscapesMarkupAndDropsCharactersXMLCannotHold(text: String, escaped: String) {
        #expect(JUnitReport.escape(text) == escaped)
    }
}
