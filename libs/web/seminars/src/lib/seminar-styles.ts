/**
 * Inputs the global stylesheet does not cover (number, url, date, datetime-local, checkbox
 * groups), in the same look. Logical properties only.
 */
export const SEMINAR_FIELD_STYLES = `
  input[type='number'],
  input[type='url'],
  input[type='date'],
  input[type='datetime-local'] {
    font: inherit;
    color: var(--c-text);
    background: #fff;
    border: 1px solid #6b7787;
    border-radius: 6px;
    padding: 0.45rem 0.6rem;
    inline-size: 100%;
    text-align: start;
  }
  input[type='number'] {
    max-inline-size: 9rem;
  }
`;
