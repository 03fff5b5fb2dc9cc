import assert from 'node:assert/strict';
import { countDiagnostics } from '../../src/extension/preview/diagnostic-counts.js';
import { exportFileName } from '../../src/extension/preview/export-file.js';

describe('preview support', () => {
    it('counts the problems of .strategy files as the Problems panel does', () => {
        const counts = countDiagnostics([
            ['/ws/a.strategy', [0, 1, 1, 2, 3]],
            ['/ws/b.strategy', [0]],
            ['/ws/readme.md', [0, 0, 0]],
            ['/ws/empty.strategy', []]
        ]);
        assert.deepEqual(counts, { errors: 2, warnings: 2, infos: 1 });
        assert.deepEqual(countDiagnostics([]), { errors: 0, warnings: 0, infos: 0 });
    });

    it('names an export after its canvas, or the map, with a name any file system takes', () => {
        assert.equal(exportFileName('AppRecurrence', 'html'), 'AppRecurrence.html');
        assert.equal(exportFileName(undefined, 'svg'), 'alignment-map.svg');
        assert.equal(exportFileName('Growth2027', 'png'), 'Growth2027.png');
        assert.equal(exportFileName('../../etc/passwd', 'html'), 'etc-passwd.html');
        assert.equal(exportFileName('..', 'html'), 'strategy.html');
        assert.equal(exportFileName('Café_Plan', 'svg'), 'Café_Plan.svg');
    });
});
