/**
 * Counts the capacity DynamoDB reports for every call made through one document client:
 * a middleware asks each command for ReturnConsumedCapacity and adds up the answers, as
 * reads or writes by the command's kind (DynamoDB Local reports only CapacityUnits).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface CapacityMeter {
  read: number;
  write: number;
  calls: Record<string, number>;
  reset(): void;
}

const WRITES = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;

export function meterCapacity(doc: DynamoDBDocumentClient): CapacityMeter {
  const meter: CapacityMeter = {
    read: 0,
    write: 0,
    calls: {},
    reset() {
      meter.read = 0;
      meter.write = 0;
      meter.calls = {};
    },
  };
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const command = String((context as { commandName?: string }).commandName ?? 'Unknown').replace(/Command$/, '');
      try {
        const result = await next(args);
        const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
        let units = 0;
        for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : [])
          units += (c as { CapacityUnits?: number }).CapacityUnits ?? 0;
        if (WRITES.test(command)) meter.write += units;
        else meter.read += units;
        meter.calls[command] = (meter.calls[command] ?? 0) + 1;
        return result;
      } catch (error) {
        // A failed conditional write still costs a write; DynamoDB does not say how much here.
        meter.calls[`${command}(failed)`] = (meter.calls[`${command}(failed)`] ?? 0) + 1;
        throw error;
      }
    },
    { step: 'initialize', name: 'benchCapacityMeter' },
  );
  return meter;
}

/** DynamoDB's item size: attribute names plus values (strings by UTF-8 bytes, numbers ~ digits/2 + 1). */
export function itemBytes(value: unknown, name = ''): number {
  const size = Buffer.byteLength(name, 'utf8');
  if (value === null || value === undefined || typeof value === 'boolean') return size + 1;
  if (typeof value === 'string') return size + Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number') return size + Math.ceil(String(Math.abs(value)).replace('.', '').length / 2) + 1;
  if (value instanceof Uint8Array) return size + value.length;
  if (Array.isArray(value)) return size + 3 + value.reduce((n: number, v) => n + 1 + itemBytes(v), 0);
  if (typeof value === 'object') {
    return size + 3 + Object.entries(value as Record<string, unknown>).reduce((n, [k, v]) => n + 1 + itemBytes(v, k), 0);
  }
  return size;
}
