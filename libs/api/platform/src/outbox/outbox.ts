import { DomainEvent } from '@pratique/contracts';
import { EntityManager } from 'typeorm';

/**
 * Writes domain events to the outbox with the transaction's own manager, so an event exists if
 * and only if the change it describes was committed. The notifications relay delivers them.
 */
export async function writeOutbox(tx: EntityManager, ...events: DomainEvent[]): Promise<void> {
  if (!events.length) return;
  const values = events.map((_, i) => `($${i * 2 + 1}, $${i * 2 + 2}::jsonb)`).join(', ');
  await tx.query(
    `INSERT INTO outbox (type, payload) VALUES ${values}`,
    events.flatMap((e) => [e.type, JSON.stringify(e.payload)]),
  );
}
