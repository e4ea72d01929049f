import Foundation

/// Rows of text cells kept for a second pass (an aligned table needs every row's width before it
/// prints the first): in memory up to 4 MiB, then in a temporary file that is removed afterwards.
final class ReportSpool {
    private static let fieldSeparator: UInt8 = 0x1F
    private static let recordSeparator: UInt8 = 0x1E
    private let memoryLimit: Int
    private var buffer: [UInt8] = []
    private var file: FileHandle?
    private var path: String?

    /// A spool that keeps up to `memoryLimit` bytes in memory before moving them to a temporary file.
    init(memoryLimit: Int = 4 << 20) { self.memoryLimit = memoryLimit }

    deinit {
        try? file?.close()
        if let path { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Keeps one row.
    func append(_ cells: [String]) throws {
        for (index, cell) in cells.enumerated() {
            if index > 0 { buffer.append(ReportSpool.fieldSeparator) }
            buffer.append(contentsOf: cell.utf8)
        }
        buffer.append(ReportSpool.recordSeparator)
        if buffer.count >= memoryLimit { try spill() }
    }

    private func spill() throws {
        if file == nil {
            let name = NSTemporaryDirectory() + "outturn-spool-\(UUID().uuidString)"
            guard FileManager.default.createFile(atPath: name, contents: nil),
                  let handle = FileHandle(forUpdatingAtPath: name) else {
                throw InputError(file: name, line: nil, message: "cannot write a temporary file", hint: "check TMPDIR has room")
            }
            path = name
            file = handle
        }
        try file!.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with each row in order (may be called more than once).
    func forEach(_ body: ([String]) throws -> Void) throws {
        func split(_ bytes: ArraySlice<UInt8>) throws {
            try body(bytes.split(separator: ReportSpool.fieldSeparator, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) })
        }
        guard let file else {
            for record in buffer.split(separator: ReportSpool.recordSeparator) { try split(record) }
            return
        }
        try file.seek(toOffset: 0)
        var pending: [UInt8] = []
        while let chunk = try file.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending.append(contentsOf: chunk)
            if let last = pending.lastIndex(of: ReportSpool.recordSeparator) {
                for record in pending[..<last].split(separator: ReportSpool.recordSeparator, omittingEmptySubsequences: false) {
                    try split(record)
                }
                pending.removeFirst(last + 1)
            }
        }
        for record in (pending + buffer).split(separator: ReportSpool.recordSeparator) { try split(record) }
        try file.seekToEnd()
    }
}
