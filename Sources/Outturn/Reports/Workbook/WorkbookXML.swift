/// The XML parts of an `.xlsx` package (ECMA-376 SpreadsheetML, transitional), as text.
enum WorkbookXML {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func contentTypes(sheetCount: Int) -> String {
        let sheets = (1...max(sheetCount, 1)).prefix(sheetCount).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + sheets
            + "<Override PartName=\"/xl/styles.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "</Types>"
    }

    static let packageRelationships = declaration
        + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
        + "Target=\"docProps/core.xml\"/>"
        + "</Relationships>"

    /// Title and creator only: no dates, so the bytes do not change from run to run.
    static func coreProperties(title: String) -> String {
        declaration
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
            + "<dc:title>\(Markup.escaped(title))</dc:title><dc:creator>Outturn</dc:creator>"
            + "</cp:coreProperties>"
    }

    static func workbook(names: [String], tables: [DocumentTable]) -> String {
        var sheets = "", filters = ""
        for (index, name) in names.enumerated() {
            sheets += "<sheet name=\"\(Markup.escaped(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
            if let range = filterRange(tables[index]) {
                // Excel keeps an autofilter's range in this hidden name; openpyxl and LibreOffice don't need it.
                let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
                let absolute = range.split(separator: ":").map { absoluteReference(String($0)) }.joined(separator: ":")
                filters += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
                    + Markup.escaped(quoted + "!" + absolute) + "</definedName>"
            }
        }
        return declaration
            + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
            + "<bookViews><workbookView activeTab=\"0\"/></bookViews>"
            + "<sheets>" + sheets + "</sheets>"
            + (filters.isEmpty ? "" : "<definedNames>" + filters + "</definedNames>")
            + "</workbook>"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        var text = declaration + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
        for index in 0..<sheetCount {
            text += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipNamespace)/worksheet\" "
                + "Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        return text + "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipNamespace)/styles\" "
            + "Target=\"styles.xml\"/></Relationships>"
    }

    /// The header row and body: the autofilter's range (nil for a table with no columns).
    static func filterRange(_ table: DocumentTable) -> String? {
        guard !table.columns.isEmpty else { return nil }
        return "A1:" + columnName(table.columns.count - 1) + String(1 + table.rows.count)
    }

    static func worksheet(_ table: DocumentTable, selected: Bool) -> String {
        let lastRow = 1 + table.rows.count + table.footer.count
        let dimension = table.columns.isEmpty ? "A1" : "A1:" + columnName(table.columns.count - 1) + String(lastRow)
        var text = declaration
            + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
            + "<dimension ref=\"\(dimension)\"/>"
            + "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
            + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
            + "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !table.columns.isEmpty {
            text += "<cols>"
            for (index, width) in columnWidths(table).enumerated() {
                text += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            text += "</cols>"
        }
        text += "<sheetData>"
        text += row(1, table.columns.map(DocumentCell.text), bold: true)
        for (offset, cells) in table.rows.enumerated() { text += row(2 + offset, cells, bold: false) }
        for (offset, cells) in table.footer.enumerated() { text += row(2 + table.rows.count + offset, cells, bold: true) }
        text += "</sheetData>"
        if let range = filterRange(table) { text += "<autoFilter ref=\"\(range)\"/>" }
        return text + "</worksheet>"
    }

    /// Width in characters: the longest shown text of the column plus padding, between 8 and 60.
    static func columnWidths(_ table: DocumentTable) -> [Int] {
        table.columns.indices.map { column in
            // Counted as written: characters XML forbids are dropped from the cell, so not counted.
            func shown(_ text: String) -> Int { text.unicodeScalars.filter(Markup.isAllowedInXML).count }
            let longest = ([shown(table.columns[column])] + (table.rows + table.footer).map { shown($0[column].display) }).max()!
            return min(60, max(8, longest + 2))
        }
    }

    static func row(_ rowNumber: Int, _ cells: [DocumentCell], bold: Bool) -> String {
        var text = "<row r=\"\(rowNumber)\">"
        for (column, cell) in cells.enumerated() {
            let reference = columnName(column) + String(rowNumber)
            switch cell {
            case .empty, .percent(nil):
                continue
            case .text(let value):
                text += inlineString(value, reference: reference, style: WorkbookStyle.index(.text, bold: bold))
            case .rag(let rag):
                let kind: WorkbookStyle.Kind = rag == .red ? .red : rag == .amber ? .amber : .green
                text += inlineString(rag.rawValue, reference: reference, style: WorkbookStyle.index(kind, bold: bold))
            case .money(let money):
                text += number(money.plainPounds, reference: reference, style: WorkbookStyle.index(.money, bold: bold))
            case .percent(let value?):
                text += number(value / 100, reference: reference, kind: .percent, bold: bold)
            case .probability(let p):
                text += number(p, reference: reference, kind: .probability, bold: bold)
            case .quantity(let value):
                text += number(value, reference: reference, kind: .quantity, bold: bold)
            case .number(let value):
                text += number(value, reference: reference, kind: .text, bold: bold)
            }
        }
        return text + "</row>"
    }

    static func inlineString(_ value: String, reference: String, style: Int) -> String {
        "<c r=\"\(reference)\" s=\"\(style)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(Markup.escaped(value))</t></is></c>"
    }

    static func number(_ text: String, reference: String, style: Int) -> String {
        "<c r=\"\(reference)\" s=\"\(style)\"><v>\(text)</v></c>"
    }

    /// A Double as the shortest decimal that reads back as the same value; non-finite values leave the cell empty.
    static func number(_ value: Double, reference: String, kind: WorkbookStyle.Kind, bold: Bool) -> String {
        guard value.isFinite else { return "" }
        return number("\(value)", reference: reference, style: WorkbookStyle.index(kind, bold: bold))
    }

    /// `A`, `B`, …, `Z`, `AA`, … for a zero-based column index.
    static func columnName(_ index: Int) -> String {
        var index = index + 1, name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            index = (index - 1) / 26
        }
        return name
    }

    /// `B7` → `$B$7`.
    static func absoluteReference(_ reference: String) -> String {
        let letters = reference.prefix { $0.isLetter }
        return "$" + letters + "$" + reference.dropFirst(letters.count)
    }
}
