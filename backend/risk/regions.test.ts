import { describe, expect, it } from 'vitest';
import { greatCircleKm } from './great-circle.ts';
import { regionContains, regionLabel, regionPoint } from './regions.ts';
import { readTerminalLocation } from './terminal-location.ts';

describe('regions', () => {
  it('places districts at their city and leaves unknown places unplaced', () => {
    expect(regionPoint('310115')?.name).toBe('Shanghai');
    expect(regionPoint('440305')?.name).toBe('Shenzhen');
    expect(regionPoint('999999')).toBeUndefined();
    expect(regionPoint('shanghai')).toBeUndefined();
    expect(regionLabel('110000')).toBe('110000 (Beijing)');
  });

  it('measures Beijing–Shanghai and Guangzhou–Shenzhen as the map does', () => {
    // Published city-centre distances: about 1,068 km and about 105 km.
    expect(greatCircleKm(regionPoint('110000')!, regionPoint('310000')!)).toBeCloseTo(1068, -1);
    expect(greatCircleKm(regionPoint('440100')!, regionPoint('440300')!)).toBeCloseTo(105, -1);
    expect(greatCircleKm(regionPoint('310000')!, regionPoint('310000')!)).toBe(0);
  });

  it('lets a registration cover its significant digits', () => {
    expect(regionContains('310000', '310115')).toBe(true);
    expect(regionContains('440300', '440305')).toBe(true);
    expect(regionContains('440300', '440105')).toBe(false);
    expect(regionContains('310115', '310104')).toBe(false);
    expect(regionContains('shanghai', 'shanghai')).toBe(true);
    expect(regionContains('310000', 'shanghai')).toBe(false);
  });
});

describe('terminal location (field 59)', () => {
  it('reads region and cell in any order and ignores the rest', () => {
    expect(readTerminalLocation('region=310000;cell=4604A1')).toEqual({ region: '310000', cell: '4604A1' });
    expect(readTerminalLocation('rssi=-70; cell=9 ;region=110105')).toEqual({ region: '110105', cell: '9' });
    expect(readTerminalLocation('region=310000')).toEqual({ region: '310000', cell: undefined });
  });

  it('has no location without a region', () => {
    expect(readTerminalLocation(undefined)).toBeUndefined();
    expect(readTerminalLocation('cell=12')).toBeUndefined();
    expect(readTerminalLocation('region=;cell=1')).toBeUndefined();
    expect(readTerminalLocation('garbage')).toBeUndefined();
  });
});
