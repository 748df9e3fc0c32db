import Button from '@atlaskit/button/new';

/** Previous / Next through the backlog's pages; shown only when there is more than one. */
export function Pager({ page, pages, busy, onPage }: { page: number; pages: number; busy: boolean; onPage: (page: number) => void }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Backlog pages" style={{ display: 'flex', gap: 8, alignItems: 'center', justifyContent: 'center', marginTop: 12 }}>
      <Button onClick={() => onPage(Math.max(0, page - 1))} isDisabled={page === 0 || busy}>
        Previous
      </Button>
      <span aria-live="polite">
        Page {page + 1} of {pages}
      </span>
      <Button onClick={() => onPage(Math.min(pages - 1, page + 1))} isDisabled={page >= pages - 1 || busy}>
        Next
      </Button>
    </nav>
  );
}
