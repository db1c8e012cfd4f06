import { describe, expect, it } from 'vitest';
import { failureHeadline, mostlyFailed } from './summary';

describe('failureHeadline', () => {
  it('says so when most copies failed', () => {
    expect(failureHeadline({ sent: 188, failed: 812, total: 1000 })).toBe(
      'Verzending grotendeels mislukt: 812 van 1.000 kopieën niet afgeleverd',
    );
  });

  it('stays quiet for a send that mostly arrived, or where as many arrived as failed', () => {
    expect(failureHeadline({ sent: 990, failed: 10, total: 1000 })).toBeNull();
    expect(mostlyFailed({ sent: 5, failed: 5, total: 10 })).toBe(false);
    expect(mostlyFailed({ sent: 0, failed: 0, total: 3 })).toBe(false);
    expect(mostlyFailed({ sent: 0, failed: 1, total: 3 })).toBe(true);
  });
});
