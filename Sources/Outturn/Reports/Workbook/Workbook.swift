import Foundation
import ZIPFoundation

/// An Excel workbook (Office Open XML, `.xlsx`) of one or more sheets, each a ``DocumentTable``.
///
/// Numbers are stored as numbers with £ and % number formats, text as inline strings, RAG cells as
/// their name with a matching fill. Each sheet has a frozen header row, an autofilter over the
/// header and body (not the totals) and column widths fitted to the text. The bytes depend only on
/// the content (every zip entry carries the same fixed timestamp), so a golden file can hold them.
package struct Workbook: Sendable, Equatable {
    /// One sheet: a name (at most 31 characters, none of `[]:*?/\`; others are replaced) and its table.
    package struct Sheet: Sendable, Equatable {
        package var name: String
        package var table: DocumentTable
        package init(name: String, table: DocumentTable) {
            self.name = name
            self.table = table
        }
    }

    /// The sheets, in tab order (at least one).
    package var sheets: [Sheet]
    /// The document title (in docProps/core.xml).
    package var title: String

    package init(title: String, sheets: [Sheet]) {
        self.title = title
        self.sheets = sheets
    }

    /// 1980-01-01 00:00 UTC, the earliest date a zip entry can carry: every entry gets it.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    /// Excel's limits: 1,048,576 rows (one is the header) and 16,384 columns a sheet.
    package static let maxRows = 1_048_576, maxColumns = 16_384

    /// A sheet too large for Excel.
    package struct TooLarge: Error, Equatable, CustomStringConvertible {
        /// The sheet's name.
        package var sheet: String
        /// Its rows including the header, and columns.
        package var rows: Int, columns: Int
        package var description: String {
            "sheet '\(sheet)' has \(rows) rows and \(columns) columns; Excel allows \(Workbook.maxRows) rows "
                + "and \(Workbook.maxColumns) columns"
        }
    }

    /// The `.xlsx` file's bytes.
    /// - Throws: ``TooLarge`` for a sheet beyond Excel's limits; ZIPFoundation's error if the in-memory
    ///   archive cannot be built (not expected), or `CocoaError(.fileWriteUnknown)` if it yields no bytes.
    package func data() throws -> Data {
        for sheet in sheets {
            let rows = 1 + sheet.table.rows.count + sheet.table.footer.count
            if rows > Workbook.maxRows || sheet.table.columns.count > Workbook.maxColumns {
                throw TooLarge(sheet: sheet.name, rows: rows, columns: sheet.table.columns.count)
            }
        }
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts() {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: Workbook.fixedDate, compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return bytes
    }

    /// Writes the workbook to `path` atomically, never over one of `inputs`.
    /// - Throws: ``OutputError`` naming `path` if it is an input, the workbook is too large, or it cannot be written.
    package func write(to path: String, refusingToOverwrite inputs: [String]) throws {
        let target = OutputFile.resolved(path)
        if let input = inputs.first(where: { OutputFile.resolved($0) == target }) {
            throw OutputError(file: path, message: "refusing to overwrite the input file '\(input)'",
                              hint: "choose a different --output file")
        }
        let bytes: Data
        do { bytes = try data() } catch let error as TooLarge {
            throw OutputError(file: path, message: error.description,
                              hint: "write CSV for a ledger this size, or filter it")
        } catch {
            throw OutputError(file: path, message: "cannot build the workbook (\(error))", hint: nil)
        }
        do { try bytes.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw OutputError(file: path, message: "cannot write the output file",
                              hint: "check that the folder exists and is writable")
        }
    }

    /// Sheet names as Excel accepts them: forbidden characters replaced by `-`, at most 31
    /// characters, not blank, unique (case-insensitively) by a ` (2)` suffix.
    var sheetNames: [String] {
        var used = Set<String>()
        return sheets.map { sheet in
            var base = String(sheet.name.unicodeScalars.map { "[]:*?/\\".unicodeScalars.contains($0) ? "-" : Character($0) })
                .trimmingCharacters(in: .whitespaces)
            base = base.trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            if base.isEmpty { base = "Sheet" }
            var name = String(base.prefix(31))
            var counter = 2
            while used.contains(name.lowercased()) {
                let suffix = " (\(counter))"
                name = String(base.prefix(31 - suffix.count)) + suffix
                counter += 1
            }
            used.insert(name.lowercased())
            return name
        }
    }

    /// Every part of the package, path → XML, in a fixed order.
    func parts() -> [(String, String)] {
        let names = sheetNames
        var parts: [(String, String)] = [
            ("[Content_Types].xml", WorkbookXML.contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", WorkbookXML.packageRelationships),
            ("docProps/core.xml", WorkbookXML.coreProperties(title: title)),
            ("xl/workbook.xml", WorkbookXML.workbook(names: names, tables: sheets.map(\.table))),
            ("xl/_rels/workbook.xml.rels", WorkbookXML.workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", WorkbookStyle.stylesheet),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", WorkbookXML.worksheet(sheet.table, selected: index == 0)))
        }
        return parts
    }
}
