/** A cell's value as read from a spreadsheet, before any column gives it a meaning. */
export type CellInput = string | number | boolean | Date | null | undefined;
