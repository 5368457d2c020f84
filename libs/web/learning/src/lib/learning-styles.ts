/**
 * Styles shared by the learning forms: inputs the global stylesheet does not cover (number,
 * url, file), in the same look. Logical properties only.
 */
export const FIELD_STYLES = `
  input[type='number'],
  input[type='url'],
  input[type='file'] {
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
    max-inline-size: 10rem;
  }
  input[type='file'] {
    padding: 0.35rem;
  }
`;
