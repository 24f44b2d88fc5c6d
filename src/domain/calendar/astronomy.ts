// The two astronomical quantities a lunisolar calendar needs: when each new moon happens and
// where the Sun is on the ecliptic. Formulas follow J. Meeus, "Astronomical Algorithms" (2nd ed.),
// ch. 25 (Sun, ~0.01°) and ch. 49 (moon phases, under a minute), plus Espenak & Meeus ΔT fits.

const DEG = Math.PI / 180;

/** Julian Day of 1970-01-01 00:00 UT, the origin of epoch days and of Date#getTime. */
export const UNIX_EPOCH_JD = 2440587.5;
const J2000 = 2451545.0;
const MEAN_SYNODIC_MONTH = 29.530588861;
/** JDE of the mean new moon with k = 0 (2000-01-06). */
const NEW_MOON_EPOCH_JDE = 2451550.09766;

function sinDeg(degrees: number): number {
  return Math.sin(degrees * DEG);
}

function normalizeDegrees(degrees: number): number {
  const r = degrees % 360;
  return r < 0 ? r + 360 : r;
}

/**
 * ΔT = TT − UT in seconds. Clock time (UT) and the uniform time of the formulas (TT) drift
 * apart by about a minute today; near a midnight that minute decides the date of a new moon.
 */
export function deltaTSeconds(decimalYear: number): number {
  const y = decimalYear;
  if (y >= 1860 && y < 1900) {
    const t = y - 1860;
    return 7.62 + 0.5737 * t - 0.251754 * t ** 2 + 0.01680668 * t ** 3 - 0.0004473624 * t ** 4 + t ** 5 / 233174;
  }
  if (y >= 1900 && y < 1920) {
    const t = y - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (y >= 1920 && y < 1941) {
    const t = y - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (y >= 1941 && y < 1961) {
    const t = y - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (y >= 1961 && y < 1986) {
    const t = y - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (y >= 1986 && y < 2005) {
    const t = y - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (y >= 2005 && y < 2050) {
    const t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (y - 1820) / 100;
  if (y >= 2050 && y < 2150) return -20 + 32 * u ** 2 - 0.5628 * (2150 - y);
  // Long-term parabola: far from the present nobody knows ΔT better than this.
  return -20 + 32 * u ** 2;
}

function decimalYearOfJd(jd: number): number {
  return 2000 + (jd - J2000) / 365.25;
}

export function ttToUt(jde: number): number {
  return jde - deltaTSeconds(decimalYearOfJd(jde)) / 86400;
}

export function utToTt(jd: number): number {
  return jd + deltaTSeconds(decimalYearOfJd(jd)) / 86400;
}

/** Index of the new moon nearest to a Julian Day (k = 0 is the new moon of 2000-01-06). */
export function newMoonIndexNear(jd: number): number {
  return Math.round((jd - NEW_MOON_EPOCH_JDE) / MEAN_SYNODIC_MONTH);
}

/** Instant (Julian Day, TT) of the k-th true new moon, Meeus ch. 49. */
export function newMoonJde(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const T4 = T3 * T;

  const meanJde = NEW_MOON_EPOCH_JDE + MEAN_SYNODIC_MONTH * k + 0.00015437 * T2 - 0.00000015 * T3 + 0.00000000073 * T4;

  // Eccentricity of Earth's orbit and the fundamental arguments, in degrees.
  const E = 1 - 0.002516 * T - 0.0000074 * T2;
  const M = 2.5534 + 29.1053567 * k - 0.0000014 * T2 - 0.00000011 * T3;
  const Mp = 201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4;
  const F = 160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4;
  const Om = 124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3;

  const periodic =
    -0.4072 * sinDeg(Mp) +
    0.17241 * E * sinDeg(M) +
    0.01608 * sinDeg(2 * Mp) +
    0.01039 * sinDeg(2 * F) +
    0.00739 * E * sinDeg(Mp - M) -
    0.00514 * E * sinDeg(Mp + M) +
    0.00208 * E * E * sinDeg(2 * M) -
    0.00111 * sinDeg(Mp - 2 * F) -
    0.00057 * sinDeg(Mp + 2 * F) +
    0.00056 * E * sinDeg(2 * Mp + M) -
    0.00042 * sinDeg(3 * Mp) +
    0.00042 * E * sinDeg(M + 2 * F) +
    0.00038 * E * sinDeg(M - 2 * F) -
    0.00024 * E * sinDeg(2 * Mp - M) -
    0.00017 * sinDeg(Om) -
    0.00007 * sinDeg(Mp + 2 * M) +
    0.00004 * sinDeg(2 * Mp - 2 * F) +
    0.00004 * sinDeg(3 * M) +
    0.00003 * sinDeg(Mp + M - 2 * F) +
    0.00003 * sinDeg(2 * Mp + 2 * F) -
    0.00003 * sinDeg(Mp + M + 2 * F) +
    0.00003 * sinDeg(Mp - M + 2 * F) -
    0.00002 * sinDeg(Mp - M - 2 * F) -
    0.00002 * sinDeg(3 * Mp + M) +
    0.00002 * sinDeg(4 * Mp);

  // Perturbations by the planets: [coefficient, phase at k = 0, rate per lunation].
  const planetary: ReadonlyArray<readonly [number, number, number]> = [
    [0.000325, 299.77, 0.107408],
    [0.000165, 251.88, 0.016321],
    [0.000164, 251.83, 26.651886],
    [0.000126, 349.42, 36.412478],
    [0.00011, 84.66, 18.206239],
    [0.000062, 141.74, 53.303771],
    [0.00006, 207.14, 2.453732],
    [0.000056, 154.84, 7.30686],
    [0.000047, 34.52, 27.261239],
    [0.000042, 207.19, 0.121824],
    [0.00004, 291.34, 1.844379],
    [0.000037, 161.72, 24.198154],
    [0.000035, 239.56, 25.513099],
    [0.000023, 331.55, 3.592518],
  ];
  let additional = 0;
  planetary.forEach(([coefficient, phase, rate], i) => {
    // Only the first argument (A1) has a secular T² term.
    const argument = phase + rate * k - (i === 0 ? 0.009173 * T2 : 0);
    additional += coefficient * sinDeg(argument);
  });

  return meanJde + periodic + additional;
}

/** Instant (Julian Day, UT) of the k-th new moon. */
export function newMoonJd(k: number): number {
  return ttToUt(newMoonJde(k));
}

// Earth's heliocentric longitude, VSOP87 truncated to the terms Meeus lists (Appendix III):
// [amplitude × 1e-8 rad, phase (rad), frequency (rad per Julian millennium)]. Good to about
// 1″, i.e. half a minute in the time of a solar term; the short formula of Meeus ch. 25 is
// off by up to 15 minutes, which is too coarse when a term falls near midnight.
type Series = ReadonlyArray<readonly [number, number, number]>;
const EARTH_L0: Series = [
  [175347046, 0, 0],
  [3341656, 4.6692568, 6283.07585],
  [34894, 4.6261, 12566.1517],
  [3497, 2.7441, 5753.3849],
  [3418, 2.8289, 3.5231],
  [3136, 3.6277, 77713.7715],
  [2676, 4.4181, 7860.4194],
  [2343, 6.1352, 3930.2097],
  [1324, 0.7425, 11506.7698],
  [1273, 2.0371, 529.691],
  [1199, 1.1096, 1577.3435],
  [990, 5.233, 5884.927],
  [902, 2.045, 26.298],
  [857, 3.508, 398.149],
  [780, 1.179, 5223.694],
  [753, 2.533, 5507.553],
  [505, 4.583, 18849.228],
  [492, 4.205, 775.523],
  [357, 2.92, 0.067],
  [317, 5.849, 11790.629],
  [284, 1.899, 796.298],
  [271, 0.315, 10977.079],
  [243, 0.345, 5486.778],
  [206, 4.806, 2544.314],
  [205, 1.869, 5573.143],
  [202, 2.458, 6069.777],
  [156, 0.833, 213.299],
  [132, 3.411, 2942.463],
  [126, 1.083, 20.775],
  [115, 0.645, 0.98],
  [103, 0.636, 4694.003],
  [102, 0.976, 15720.839],
  [102, 4.267, 7.114],
  [99, 6.21, 2146.17],
  [98, 0.68, 155.42],
  [86, 5.98, 161000.69],
  [85, 1.3, 6275.96],
  [85, 3.67, 71430.7],
  [80, 1.81, 17260.15],
  [79, 3.04, 12036.46],
  [75, 1.76, 5088.63],
  [74, 3.5, 3154.69],
  [74, 4.68, 801.82],
  [70, 0.83, 9437.76],
  [62, 3.98, 8827.39],
  [61, 1.82, 7084.9],
  [57, 2.78, 6286.6],
  [56, 4.39, 14143.5],
  [56, 3.47, 6279.55],
  [52, 0.19, 12139.55],
  [52, 1.33, 1748.02],
  [51, 0.28, 5856.48],
  [49, 0.49, 1194.45],
  [41, 5.37, 8429.24],
  [41, 2.4, 19651.05],
  [39, 6.17, 10447.39],
  [37, 6.04, 10213.29],
  [37, 2.57, 1059.38],
  [36, 1.71, 2352.87],
  [36, 1.78, 6812.77],
  [33, 0.59, 17789.85],
  [30, 0.44, 83996.85],
  [30, 2.74, 1349.87],
  [25, 3.16, 4690.48],
];
const EARTH_L1: Series = [
  [628331966747, 0, 0],
  [206059, 2.678235, 6283.07585],
  [4303, 2.6351, 12566.1517],
  [425, 1.59, 3.523],
  [119, 5.796, 26.298],
  [109, 2.966, 1577.344],
  [93, 2.59, 18849.23],
  [72, 1.14, 529.69],
  [68, 1.87, 398.15],
  [67, 4.41, 5507.55],
  [59, 2.89, 5223.69],
  [56, 2.17, 155.42],
  [45, 0.4, 796.3],
  [36, 0.47, 775.52],
  [29, 2.65, 7.11],
  [21, 5.34, 0.98],
  [19, 1.85, 5486.78],
  [19, 4.97, 213.3],
  [17, 2.99, 6275.96],
  [16, 0.03, 2544.31],
  [16, 1.43, 2146.17],
  [15, 1.21, 10977.08],
  [12, 2.83, 1748.02],
  [12, 3.26, 5088.63],
  [12, 5.27, 1194.45],
  [12, 2.08, 4694.0],
  [11, 0.77, 553.57],
  [10, 1.3, 6286.6],
  [10, 4.24, 1349.87],
  [9, 2.7, 242.73],
  [9, 5.64, 951.72],
  [8, 5.3, 2352.87],
  [6, 2.65, 9437.76],
  [6, 4.67, 4690.48],
];
const EARTH_L2: Series = [
  [52919, 0, 0],
  [8720, 1.0721, 6283.0758],
  [309, 0.867, 12566.152],
  [27, 0.05, 3.52],
  [16, 5.19, 26.3],
  [16, 3.68, 155.42],
  [10, 0.76, 18849.23],
  [9, 2.06, 77713.77],
  [7, 0.83, 775.52],
  [5, 4.66, 1577.34],
  [4, 1.03, 7.11],
  [4, 3.44, 5573.14],
  [3, 5.14, 796.3],
  [3, 6.05, 5507.55],
  [3, 1.19, 242.73],
  [3, 6.12, 529.69],
  [3, 0.31, 398.15],
  [3, 2.28, 553.57],
  [2, 4.38, 5223.69],
  [2, 3.75, 0.98],
];
const EARTH_L3: Series = [
  [289, 5.844, 6283.076],
  [35, 0, 0],
  [17, 5.49, 12566.15],
  [3, 5.2, 155.42],
  [1, 4.72, 3.52],
  [1, 5.3, 18849.23],
  [1, 5.97, 242.73],
];
const EARTH_L4: Series = [
  [114, 3.142, 0],
  [8, 4.13, 6283.08],
  [1, 3.84, 12566.15],
];
const EARTH_L5: Series = [[1, 3.14, 0]];

function sumSeries(series: Series, tau: number): number {
  let sum = 0;
  for (const [a, b, c] of series) sum += a * Math.cos(b + c * tau);
  return sum;
}

/** Apparent geocentric ecliptic longitude of the Sun in degrees [0, 360). */
export function sunApparentLongitude(jde: number): number {
  const tau = (jde - J2000) / 365250;
  const L =
    (sumSeries(EARTH_L0, tau) +
      tau *
        (sumSeries(EARTH_L1, tau) +
          tau * (sumSeries(EARTH_L2, tau) + tau * (sumSeries(EARTH_L3, tau) + tau * (sumSeries(EARTH_L4, tau) + tau * sumSeries(EARTH_L5, tau)))))) /
    1e8;
  // Geocentric Sun = heliocentric Earth + 180°; then to the FK5 frame (−0.09033″).
  const geometric = (L * 180) / Math.PI + 180 - 0.09033 / 3600;

  const T = tau * 10;
  const omega = 125.04452 - 1934.136261 * T;
  const sunMean = 280.4665 + 36000.7698 * T;
  const moonMean = 218.3165 + 481267.8813 * T;
  const nutation = (-17.2 * sinDeg(omega) - 1.32 * sinDeg(2 * sunMean) - 0.23 * sinDeg(2 * moonMean) + 0.21 * sinDeg(2 * omega)) / 3600;
  // Annual aberration; the Earth-Sun distance varies by under 2 %, too little to matter here.
  const aberration = -20.4898 / 3600;
  return normalizeDegrees(geometric + nutation + aberration);
}

/**
 * The instant (Julian Day, UT) near `approxJd` when the Sun's apparent longitude reaches
 * `targetDegrees`. Used to check margins, not by the calendar itself.
 */
export function solarLongitudeCrossing(targetDegrees: number, approxJd: number): number {
  let jd = approxJd;
  for (let i = 0; i < 20; i++) {
    const current = sunApparentLongitude(utToTt(jd));
    let diff = targetDegrees - current;
    diff = ((diff + 540) % 360) - 180;
    // The Sun moves about 360/365.2422 degrees per day.
    const step = diff / (360 / 365.2422);
    jd += step;
    if (Math.abs(step) < 1e-7) break;
  }
  return jd;
}
