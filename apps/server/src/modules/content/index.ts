export { createContentModule, type ContentModule } from './content.module';
export type { ContentService } from './items/content.service';
export type { ContentFiles } from './items/content-files';
