/**
 * One layout for the bar/line charts: the legend below the plot (it overlapped the axis names
 * when both sat on top), the grid sized around its labels (rotated district names included).
 */
export const CHART_LEGEND = { bottom: 0, type: 'scroll' } as const;
export const CHART_GRID = { left: 12, right: 12, top: 40, bottom: 32, containLabel: true } as const;
