import { API, type SessionState } from '../../../shared/sandbox-api.ts';

/**
 * The printer's mouth: the paper still hanging out grows line by line as the terminal prints
 * (the printer model's own rendering), and the receipts torn off pile up beside the terminal.
 */
export function PrinterPaper({ sessionId, printer }: { sessionId: string; printer: SessionState['printer'] }) {
  const last = printer.receipts.at(-1);
  return (
    <div className="printer" aria-label="Printer">
      <div className="printer-slot" />
      <div className="paper-out" data-testid="paper-out">
        {printer.pendingLines > 0 ? (
          <img src={`${API.paper(sessionId)}?lines=${printer.pendingLines}`} alt={`receipt being printed, ${printer.pendingLines} lines so far`} />
        ) : last ? (
          <img src={API.receipt(sessionId, last.index)} alt={`last receipt (${last.index})`} className="torn" />
        ) : (
          <p className="no-paper">{printer.paper === 'out' ? 'no paper' : 'receipts come out here'}</p>
        )}
      </div>
    </div>
  );
}

export function ReceiptPile({ sessionId, receipts }: { sessionId: string; receipts: SessionState['printer']['receipts'] }) {
  if (receipts.length === 0) return null;
  return (
    <section className="panel receipts" aria-label="Receipts">
      <h2>Receipts ({receipts.length})</h2>
      <ol className="receipt-pile" reversed>
        {[...receipts].reverse().map((receipt) => (
          <li key={receipt.index} data-testid="receipt" data-complete={receipt.complete}>
            <figure>
              <img src={API.receipt(sessionId, receipt.index)} alt={receipt.text} title={receipt.text} />
              <figcaption>
                #{receipt.index} {receipt.complete ? '' : '— torn, incomplete'}
              </figcaption>
            </figure>
          </li>
        ))}
      </ol>
    </section>
  );
}
