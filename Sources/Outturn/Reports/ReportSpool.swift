import Foundation

/// Rows of text cells kept for a second pass (an aligned table needs every row's width before it
/// prints the first): in memory up to 4 MiB, then in an unnamed temporary file (unlinked as soon as it is created).
final class ReportSpool {
    private static let fieldSeparator: UInt8 = 0x1F
    private static let recordSeparator: UInt8 = 0x1E
    private let memoryLimit: Int
    private var buffer: [UInt8] = []
    private var file: FileHandle?

    /// A spool that keeps up to `memoryLimit` bytes in memory before moving them to a temporary file.
    init(memoryLimit: Int = 4 << 20) { self.memoryLimit = memoryLimit }

    deinit { try? file?.close() }

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
            // Created and at once unlinked: the spool has no name, so nothing is left in the
            // temporary folder however the process ends (an interrupt, a crash, SIGKILL).
            var template = Array((NSTemporaryDirectory() + "outturn-spool-XXXXXX").utf8CString)
            let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard descriptor >= 0 else {
                let reason = String(cString: strerror(errno))
                throw OutputError(file: NSTemporaryDirectory(),
                                  message: "cannot write a temporary file: \(reason)", hint: "check TMPDIR has room")
            }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        }
        do {
            try file!.write(contentsOf: buffer)
        } catch {
            throw OutputError(file: NSTemporaryDirectory(), message: "cannot write a temporary file",
                              hint: "check TMPDIR has room")
        }
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
