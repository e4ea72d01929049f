extension OutputFormat {
    /// The format a file name asks for by its extension (case-insensitive): `.csv`, `.json`,
    /// `.md`/`.markdown`, `.html`/`.htm`, `.xlsx`, and `.txt` for the table; nil for any other
    /// extension or none (the planner then writes the table).
    public init?(fileName: String) {
        let base = fileName.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? fileName
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return nil }
        let fileExtension = base[base.index(after: dot)...].lowercased()
        // Each format's writer lists the extensions that ask for it (no two formats share one).
        guard let format = OutputFormat.allCases.first(where: { $0.writer.fileExtensions.contains(fileExtension) }) else { return nil }
        self = format
    }

    /// The usual file extension of the format (without the dot): `txt` for the table.
    package var fileExtension: String { writer.fileExtensions[0] }
}
