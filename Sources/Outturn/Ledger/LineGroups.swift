import Foundation

/// The groups of a ledger's lines, from its optional `group` column: a path such as
/// `Infrastructure/Network`, its parts separated by `/` (each part trimmed of surrounding
/// whitespace; compared case-insensitively, shown as first written). An empty field leaves the line
/// ungrouped. A line is in the same group in every year.
///
/// The groups form a tree (`Infrastructure` holds `Infrastructure/Network`), held in depth-first
/// order (a group, then its subgroups, each level in order of first appearance in the ledger), so
/// that the groups under a node are the contiguous range ``Node/subtree``.
package struct LineGroups: Sendable, Equatable {
    /// The column's name in a ledger CSV (matched case-insensitively).
    package static let columnName = "group"
    /// The separator between a path's parts.
    package static let separator: Character = "/"
    /// The deepest path accepted (parts): more is refused as a likely mistake.
    package static let maximumDepth = 16

    /// One group.
    package struct Node: Sendable, Equatable {
        /// The path's parts, as first written (`["Infrastructure", "Network"]`).
        package let parts: [String]
        /// The enclosing group's index in ``LineGroups/nodes``, nil for a top-level group.
        package let parent: Int?
        /// The indices of this group and every group under it: `index ..< index + size`.
        package let subtree: Range<Int>
        /// Its child groups' indices, in order.
        package let children: [Int]

        /// The path written out (`Infrastructure/Network`).
        package var path: String { parts.joined(separator: String(LineGroups.separator)) }
        /// 1 for a top-level group, 2 for its subgroups, …
        package var level: Int { parts.count }
    }

    /// Every group at every level, depth-first.
    package let nodes: [Node]
    /// The group each ledger line sits in directly (index into ``nodes``), by index in
    /// ``Ledger/lineNames``; nil for an ungrouped line.
    package let groupOfLine: [Int?]

    /// The deepest level present.
    package var depth: Int { nodes.map(\.level).max() ?? 0 }

    /// The top-level groups' indices, in order.
    package var roots: [Int] { nodes.indices.filter { nodes[$0].parent == nil } }

    /// The group a ledger line sits in directly, by its index in ``Ledger/lineNames``.
    package func group(ofLineAt index: Int) -> Int? { index < groupOfLine.count ? groupOfLine[index] : nil }

    /// Groups from each ledger line's path (index in ``Ledger/lineNames`` → the parts, nil for
    /// ungrouped); paths must already be checked (non-empty parts, at most ``maximumDepth``).
    package init(paths: [[String]?]) {
        // The tree in order of first appearance, keyed by the lowercased path.
        var index: [String: Int] = [:]
        var parts: [[String]] = [], parent: [Int?] = [], children: [[Int]] = []
        var topLevel: [Int] = []
        var direct: [Int?] = []
        for path in paths {
            guard let path, !path.isEmpty else { direct.append(nil); continue }
            var up: Int? = nil
            var key = ""
            for depth in path.indices {
                key += (depth == 0 ? "" : "/") + path[depth].lowercased()
                if let known = index[key] { up = known; continue }
                let id = parts.count
                index[key] = id
                // The enclosing groups as first written, then this part.
                parts.append((up.map { parts[$0] } ?? []) + [path[depth]])
                parent.append(up)
                children.append([])
                if let up { children[up].append(id) } else { topLevel.append(id) }
                up = id
            }
            direct.append(up)
        }
        // Depth-first order: a group, then its subgroups.
        var order: [Int] = []
        var size = [Int](repeating: 1, count: parts.count)
        func visit(_ id: Int) {
            order.append(id)
            for child in children[id] { visit(child); size[id] += size[child] }
        }
        for id in topLevel { visit(id) }
        var position = [Int](repeating: 0, count: parts.count)
        for (at, id) in order.enumerated() { position[id] = at }
        nodes = order.enumerated().map { at, id in
            Node(parts: parts[id], parent: parent[id].map { position[$0] }, subtree: at..<(at + size[id]),
                 children: children[id].map { position[$0] })
        }
        groupOfLine = direct.map { $0.map { position[$0] } }
    }

    /// The parts of a `group` field, trimmed; nil when the field is empty (ungrouped).
    /// - Throws: ``InputError`` at `file`:`line` for an empty part (`A//B`, `/A`) or a path deeper than ``maximumDepth``.
    package static func parts(of field: String, file: String, line: Int) throws -> [String]? {
        let whole = field.trimmingCharacters(in: .whitespaces)
        guard !whole.isEmpty else { return nil }
        let parts = whole.split(separator: separator, omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.contains(where: \.isEmpty) {
            throw InputError(file: file, line: line, message: "group '\(InputError.echo(whole))' has an empty part",
                             hint: "write a group as a path of names separated by '/', e.g. Infrastructure/Network; leave the field empty for no group")
        }
        guard parts.count <= maximumDepth else {
            throw InputError(file: file, line: line, message: "group '\(InputError.echo(whole))' has \(parts.count) levels; at most \(maximumDepth) are allowed",
                             hint: "separate levels with '/' only")
        }
        return parts
    }

    /// Reads the `group` column of the ledger CSV `reader` (positioned after its header) for the
    /// lines of `ledger` (read from the same file), or returns nil when the file has no such column.
    /// A second pass over the file, on all cores, keeping one entry per run of rows of the same
    /// line and group.
    /// - Throws: ``InputError`` at the row whose group differs from the line's earlier rows, or whose path is malformed.
    package static func read(_ reader: CSVRowReader, ledger: Ledger, lineColumn: String = LedgerColumns.standard.line) throws -> LineGroups? {
        guard reader.header.contains(where: { $0.caseInsensitiveCompare(columnName) == .orderedSame }) else { return nil }
        let groupIndex = try reader.columnIndex(columnName), lineIndex = try reader.columnIndex(lineColumn)
        struct Run { var line: String; var group: String; var sourceLine: Int }
        let parts = try reader.parallelRecords({ _ in [Run]() }) { runs, row in
            let line = row.withField(lineIndex) { ByteFields.trimmedString($0) }
            let group = row.withField(groupIndex) { String(decoding: $0, as: UTF8.self) }
            if let last = runs.last, last.line == line, last.group == group { return }
            runs.append(Run(line: line, group: group, sourceLine: row.recordLine))
        }
        let file = reader.fileName
        var paths = [[String]?](repeating: nil, count: ledger.lineNames.count)
        var firstSeen = [(group: String, line: Int)?](repeating: nil, count: ledger.lineNames.count)
        var parsed: [String: [String]?] = [:]
        for run in parts.joined() {
            guard let index = ledger.lineIndex(matching: run.line) else { continue }
            let path: [String]?
            if let known = parsed[run.group] { path = known } else {
                path = try LineGroups.parts(of: run.group, file: file, line: run.sourceLine)
                parsed[run.group] = path
            }
            if let first = firstSeen[index] {
                let key = { (p: [String]?) in p.map { $0.map { $0.lowercased() } } }
                guard key(path) == key(paths[index]) else {
                    let shown = { (g: String) in g.trimmingCharacters(in: .whitespaces).isEmpty ? "no group" : "group '\(InputError.echo(g.trimmingCharacters(in: .whitespaces)))'" }
                    throw InputError(file: file, line: run.sourceLine,
                                     message: "line '\(InputError.echo(ledger.lineNames[index]))' is in \(shown(run.group)) here but in \(shown(first.group)) on line \(first.line)",
                                     hint: "give every year of a line the same group")
                }
            } else {
                firstSeen[index] = (run.group, run.sourceLine)
                paths[index] = path
            }
        }
        return LineGroups(paths: paths)
    }
}
