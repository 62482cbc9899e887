import { ERRORS } from '@devzone/errors';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { readableZoneById } from '../../authz/scopedDirectory';
import { sourceDocumentView, sourcePassageView } from '../../sources/sourceViews';
import type { ProvinceContext } from '../context.type';
import { SourceReference } from '../types/directory.types';
import { SourceDocument, SourcePassage } from '../types/source.types';

@Resolver(() => SourceDocument)
export class SourceDocumentResolver {
  @Query(() => [SourceDocument], { description: 'Every source article, by file name.' })
  sourceDocuments(@Ctx() ctx: ProvinceContext): SourceDocument[] {
    return ctx.sources.list().map(sourceDocumentView);
  }

  @Query(() => SourceDocument, { nullable: true, description: 'One source article by file name (as in provenance.document); NOT_FOUND when there is none.' })
  sourceDocument(@Arg('fileName', () => String) fileName: string, @Ctx() ctx: ProvinceContext): SourceDocument {
    const record = ctx.sources.get(fileName);
    if (!record) {
      const known = ctx.sources.list().map((d) => d.fileName);
      throw ERRORS.NOT_FOUND.err(`source document "${fileName}" not found; the articles are ${known.join(', ')}`, { id: fileName });
    }
    return sourceDocumentView(record);
  }

  @FieldResolver(() => [String], { description: 'Ids of the zones the article is about, of those the caller may read.' })
  async zoneIds(@Root() document: SourceDocument, @Ctx() ctx: ProvinceContext): Promise<string[]> {
    const zones = await Promise.all(document.zoneIds.map((id) => readableZoneById(ctx, id)));
    return zones.filter((zone) => zone !== null).map((zone) => zone.id);
  }

  static resolveReference(reference: { fileName: string }, ctx: ProvinceContext): SourceDocument | null {
    const record = ctx.sources.get(reference.fileName);
    return record ? sourceDocumentView(record) : null;
  }
}

export const resolveSourcePassageReference = (reference: { document: string; passage: string }, ctx: ProvinceContext): SourcePassage =>
  sourcePassageView(ctx.sources, reference.document, reference.passage);

/** Directory facts (zones) open their article the same way zone provenance does. */
@Resolver(() => SourceReference)
export class SourceReferenceResolver {
  @FieldResolver(() => SourceDocument, { nullable: true, description: 'The article the fact is quoted from.' })
  source(@Root() reference: SourceReference, @Ctx() ctx: ProvinceContext): SourceDocument | null {
    return SourceDocumentResolver.resolveReference({ fileName: reference.document }, ctx);
  }

  @FieldResolver(() => SourcePassage, { description: 'The passage in its article, with the text around it.' })
  quote(@Root() reference: SourceReference, @Ctx() ctx: ProvinceContext): SourcePassage {
    return sourcePassageView(ctx.sources, reference.document, reference.passage);
  }
}
