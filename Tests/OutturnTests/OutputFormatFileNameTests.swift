import Outturn
import Testing

@Suite("The output format a file name asks for")
struct OutputFormatFileNameTests {
    @Test("each documented extension names its format, case-insensitively; any other names none")
    func extensions() {
        let expected: [String: OutputFormat?] = [
            "forecast.csv": .csv, "a/b.c/forecast.JSON": .json, "notes.md": .markdown, "notes.markdown": .markdown,
            "page.html": .html, "page.HTM": .html, "book.xlsx": .xlsx, "report.txt": .table,
            "report": nil, "report.out": nil, "dir.csv/report": nil, ".csv": nil, "report.csv.bak": nil, "report.": nil]
        for (name, format) in expected {
            #expect(OutputFormat(fileName: name) == format, "\(name)")
        }
    }
}
