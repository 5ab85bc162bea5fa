/** The database's file name in the data folder (kept apart so checks need not load the driver). */
export const DATABASE_FILE_NAME = 'coach.db';
