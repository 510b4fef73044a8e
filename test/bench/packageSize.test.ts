import { join } from 'node:path';
import { mainPackageSize, subpackageRoots } from '../../bench/packageSize';

const FIXTURE = join(__dirname, '..', 'fixtures', 'miniprogram-package');

describe('mainPackageSize', () => {
  it('counts what WeChat uploads in the main package, and nothing else', () => {
    const size = mainPackageSize(FIXTURE, { minified: false });
    // app.json, the page's ts (as js), wxml and wxss, and the image: not the subpackage, the
    // declaration, the test, tsconfig.json or the README.
    expect(size.files).toBe(5);
    expect(Object.keys(size.byKind).sort()).toEqual(['image', 'js', 'json', 'wxml', 'wxss']);
    expect(size.byKind.wxml).toBe('<view>{{a}}</view>'.length);
    expect(size.bytes).toBe(Object.values(size.byKind).reduce((a, b) => a + b, 0));
  });

  it('counts TypeScript as the JavaScript it becomes, smaller again when minified', () => {
    const plain = mainPackageSize(FIXTURE, { minified: false }).byKind.js ?? 0;
    const minified = mainPackageSize(FIXTURE, { minified: true }).byKind.js ?? 0;
    expect(plain).toBeGreaterThan(0);
    expect(minified).toBeLessThan(plain);
  });
});

describe('subpackageRoots', () => {
  it('reads either spelling of the subpackage list', () => {
    expect(subpackageRoots({ subpackages: [{ root: 'sub/' }] })).toEqual(['sub']);
    expect(subpackageRoots({ subPackages: [{ root: '/pkg' }] })).toEqual(['pkg']);
    expect(subpackageRoots({ pages: [] })).toEqual([]);
  });
});
