/** Styles the three homes share (sections as cards in a responsive grid, counts, meters). */
export const HOME_STYLES = `
  :host {
    display: block;
  }
  .home-head h1 {
    margin-block: 0 0.25rem;
  }
  .home-grid {
    display: grid;
    gap: 1rem;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
    align-items: start;
  }
  .home-grid > * {
    min-inline-size: 0;
  }
  @media (min-width: 60rem) {
    .home-grid > .span2 {
      grid-column: span 2;
    }
  }
  .home-grid > .wide {
    grid-column: 1 / -1;
  }
  /* Room for a block's usual content before it arrives: less moves as the blocks load. */
  @media (min-width: 48rem) {
    .home-grid > section.card {
      min-block-size: 12rem;
    }
  }
  section.card h2 {
    margin-block: 0 0.75rem;
    font-size: 1.2rem;
  }
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .items > li {
    border-block-start: 1px solid var(--c-border);
    padding-block-start: 0.6rem;
    overflow-wrap: anywhere;
  }
  .items > li:first-child {
    border-block-start: 0;
    padding-block-start: 0;
  }
  .item-title {
    font-weight: 600;
  }
  .meta {
    color: var(--c-muted);
    margin: 0.15rem 0 0;
  }
  .meter {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin-block: 0.35rem;
  }
  .meter .track {
    flex: 1;
    block-size: 0.6rem;
    background: #e3e8ee;
    border: 1px solid #6b7787;
    border-radius: 999px;
    overflow: hidden;
  }
  .meter .fill {
    block-size: 100%;
    background: var(--c-primary);
  }
  .meter .fill.full {
    background: var(--c-success);
  }
  .meter .value {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    min-inline-size: 3rem;
    text-align: end;
  }
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    margin: 0.4rem 0 0;
    padding: 0;
    list-style: none;
  }
  .counts strong {
    font-variant-numeric: tabular-nums;
  }
  .error {
    color: var(--c-danger);
  }
  .more {
    display: inline-block;
    margin-block-start: 0.75rem;
  }
  .table-scroll {
    overflow-x: auto;
  }
  .table-scroll table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  .table-scroll th,
  .table-scroll td {
    text-align: start;
    padding: 0.4rem 0.5rem;
    border-block-end: 1px solid var(--c-border);
    vertical-align: top;
  }
  .num {
    font-variant-numeric: tabular-nums;
  }
  .forward {
    display: inline-block;
  }
  :host-context([dir='rtl']) .forward {
    transform: scaleX(-1);
  }
`;
