/** Detector version written into every report; bump with any change that alters verdicts. */
export const DETECTOR_VERSION = '0.10.0';
