/// The page's inline stylesheet: system fonts only (nothing to fetch), RAG colours with dark text
/// for contrast, tables that fit A4 when printed.
enum PageStyle {
    static let css = """
    :root { --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --red: #f4c7c3; --amber: #ffe0b2; --green: #c8e6c9; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 1100px; padding: 24px; color: var(--ink); background: #fff;
           font: 14px/1.45 "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
    h1 { font-size: 24px; margin: 0 0 4px; }
    h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 2px solid var(--ink); padding-bottom: 2px; }
    .subtitle, .note { color: var(--muted); margin: 0 0 12px; }
    .summary { border: 1px solid var(--rule); border-radius: 6px; padding: 12px 16px; margin: 16px 0; }
    .figures { display: flex; flex-wrap: wrap; gap: 12px 32px; }
    .figure-label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
    .figure-value { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
    .status { margin: 12px 0 4px; font-size: 15px; }
    .rag-counts { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 8px 24px; }
    .rag { display: inline-block; min-width: 4.2em; padding: 1px 8px; border-radius: 10px; font-weight: 600;
           text-align: center; border: 1px solid rgba(0,0,0,.25); }
    .rag-red { background: var(--red); } .rag-amber { background: var(--amber); } .rag-green { background: var(--green); }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; }
    caption { text-align: left; font-weight: 600; padding: 4px 0; }
    th, td { padding: 4px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
    thead th { text-align: left; border-bottom: 2px solid var(--ink); white-space: nowrap; }
    tbody th, tfoot th { text-align: left; font-weight: normal; min-width: 9em; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tfoot td, tfoot th { font-weight: 700; border-top: 2px solid var(--ink); }
    .charts { display: flex; flex-wrap: wrap; gap: 16px; }
    figure { margin: 0; }
    svg.chart { max-width: 100%; height: auto; }
    dl { display: grid; grid-template-columns: minmax(8em, max-content) 1fr; gap: 4px 16px; margin: 0; }
    dt { font-weight: 600; } dd { margin: 0; }
    @page { size: A4; margin: 14mm 12mm; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10pt; }
      /* No scrolling on paper: the whole table fits the A4 width in small type, headings may wrap. */
      .table-wrap { overflow: visible; }
      table { font-size: 6.5pt; } th, td { padding: 1px 3px; } thead th { white-space: normal; }
      tbody th, tfoot th { min-width: 0; }
      .rag { min-width: 0; padding: 0 4px; }
      h2 { break-after: avoid; } figure, tr, .summary { break-inside: avoid; }
      svg.chart { max-width: 100%; }
      .rag, :root { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
