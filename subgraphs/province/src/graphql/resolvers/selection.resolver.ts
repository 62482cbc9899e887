import { isDeepStrictEqual } from 'node:util';
import { In } from 'typeorm';
import { validateArgumentNamed } from '@devzone/subgraph-kit';
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { compareRuns } from '../../analytics/selection/compareRuns';
import { deleteVisibleRun, findVisibleRun, listVisibleRuns } from '../../analytics/selection/runOwnership';
import { checkRunTitle } from '../../analytics/selection/runTitle';
import { replay, runOnCurrentData, saveRun, selectBenchmarkSites, storedRun, type SelectionRunData } from '../../analytics/selection/selectionService';
import { requireCapability } from '../../authz';
import { BenchmarkPresetRow, type SelectionRunRow } from '../../db/entities';
import type { ProvinceContext } from '../context.type';
import { toZone } from '../mappers';
import { toBenchmarkPreset } from '../presetView';
import { showsFigureTexts } from '../selection/figureTexts';
import { toSelectionView, zoneLookup, type ZoneLookup } from '../selectionView';
import type { Zone } from '../types/directory.types';
import { toFigureCell } from '../types/figure.types';
import { BenchmarkSelectionInput } from '../types/selection.inputs';
import { BenchmarkPreset, BenchmarkSelection, FigureChange, SelectionRerun, SelectionRun, StandingMove, ZoneStanding } from '../types/selection.types';

@ArgsType()
class SaveRunArgs {
  @Field(() => String, { description: '1 to 200 characters.' }) @MaxLength(200) title!: string;
  @Field(() => BenchmarkSelectionInput) @ValidateNested() input!: BenchmarkSelectionInput;
}

@ArgsType()
class RunsArgs {
  @Field(() => Int, { defaultValue: 20, description: '1 to 100.' }) @Min(1) @Max(100) first = 20;
  @Field(() => Int, { defaultValue: 0 }) @Min(0) @Max(100_000) offset = 0;
}

@ArgsType()
class PresetArgs {
  @Field(() => [String], { nullable: true, description: 'Only these presets; all when omitted.' }) @IsOptional() @ArrayMaxSize(50) codes?: string[];
}

async function lookupFor(ctx: ProvinceContext, ...runs: SelectionRunData[]): Promise<ZoneLookup> {
  const ids = [...new Set(runs.flatMap((r) => r.snapshot.zones.map((z) => z.id)))];
  const rows = await ctx.loaders.zoneById.loadMany(ids);
  const zones = rows.filter((r): r is Exclude<typeof r, Error | null> => r !== null && !(r instanceof Error)).map(toZone);
  return zoneLookup(zones, runs[0].snapshot);
}

async function view(ctx: ProvinceContext, run: SelectionRunData): Promise<BenchmarkSelection> {
  return toSelectionView(run.settings, run.snapshot, run.outcome, run.engineVersion, await lookupFor(ctx, run));
}

async function runView(ctx: ProvinceContext, row: SelectionRunRow): Promise<SelectionRun> {
  const run = storedRun(row);
  return Object.assign(new SelectionRun(), {
    id: row.id,
    title: row.title,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    result: await view(ctx, run),
    stored: run,
  });
}

@Resolver(() => SelectionRun)
export class SelectionResolver {
  @Query(() => [BenchmarkPreset], { description: 'Stored selection presets, with every criterion, weight and the reasons for them.' })
  async benchmarkPresets(@Args(() => PresetArgs) { codes }: PresetArgs, @Ctx() ctx: ProvinceContext): Promise<BenchmarkPreset[]> {
    const rows = await ctx.dataSource.getRepository(BenchmarkPresetRow).find({ where: codes ? { code: In(codes) } : {}, order: { code: 'ASC' } });
    return rows.map(toBenchmarkPreset);
  }

  @Query(() => BenchmarkSelection, {
    description:
      'Ranks candidate zones and selects benchmark sites (标杆/示范): per-criterion breakdown, robustness, and excluded zones with reasons. Zone figures are read straight from the zone services, one round trip per service (none for entities the zone-read cache holds at their current version).',
  })
  async selectBenchmarkSites(
    @Arg('input', () => BenchmarkSelectionInput, { validateFn: validateArgumentNamed('input') }) input: BenchmarkSelectionInput,
    @Ctx() ctx: ProvinceContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<BenchmarkSelection> {
    requireCapability(ctx.principal, 'ANALYSE', 'selectBenchmarkSites');
    // Nothing of this run is kept, so the zones' texts are read only when the answer shows them (a saved run keeps them all).
    return view(ctx, await selectBenchmarkSites(ctx, input, { provenanceText: showsFigureTexts(info) }));
  }

  @Mutation(() => SelectionRun, {
    description:
      'Runs a selection and saves it with the exact figures used, so it can be replayed identically later. The run belongs to the caller (ADMIN or ANALYST). The title refuses control and bidirectional-override characters.',
  })
  async saveSelectionRun(@Args(() => SaveRunArgs) { title, input }: SaveRunArgs, @Ctx() ctx: ProvinceContext): Promise<SelectionRun> {
    const owner = requireCapability(ctx.principal, 'ANALYSE', 'saveSelectionRun');
    const checkedTitle = checkRunTitle(title);
    const run = await selectBenchmarkSites(ctx, input);
    return runView(ctx, await saveRun(ctx, owner.subject, checkedTitle, run));
  }

  @Mutation(() => ID, {
    nullable: true,
    description:
      "Deletes a saved run: its owner's or, for an administrator, any. Answers the id; null plus NOT_FOUND naming the id when there is no such run the caller may delete.",
  })
  async deleteSelectionRun(@Arg('id', () => ID) id: string, @Ctx() ctx: ProvinceContext): Promise<string> {
    await deleteVisibleRun(ctx.dataSource, requireCapability(ctx.principal, 'ANALYSE', 'deleteSelectionRun'), id);
    return id;
  }

  @Query(() => SelectionRun, {
    nullable: true,
    description: "A saved run by id (the caller's own; any for an administrator); null plus NOT_FOUND naming the id when there is none the caller may read.",
  })
  async selectionRun(@Arg('id', () => ID) id: string, @Ctx() ctx: ProvinceContext): Promise<SelectionRun | null> {
    return runView(ctx, await findVisibleRun(ctx.dataSource, requireCapability(ctx.principal, 'ANALYSE', 'selectionRun'), id));
  }

  @Query(() => [SelectionRun], { description: "The caller's saved runs (every run for an administrator), newest first." })
  async selectionRuns(@Args(() => RunsArgs) page: RunsArgs, @Ctx() ctx: ProvinceContext): Promise<SelectionRun[]> {
    const rows = await listVisibleRuns(ctx.dataSource, requireCapability(ctx.principal, 'ANALYSE', 'selectionRuns'), page);
    return Promise.all(rows.map((row) => runView(ctx, row)));
  }

  @FieldResolver(() => Boolean, { description: 'Re-computing the run from its stored figures gives exactly the stored result.' })
  replayMatchesSaved(@Root() run: SelectionRun): boolean {
    const data = run.stored;
    return isDeepStrictEqual(JSON.parse(JSON.stringify(replay(data))), JSON.parse(JSON.stringify(data.outcome)));
  }

  @FieldResolver(() => SelectionRerun, { description: 'The same settings on current data, and what moved since the run was saved.' })
  async rerunOnCurrentData(@Root() run: SelectionRun, @Ctx() ctx: ProvinceContext): Promise<SelectionRerun> {
    const saved = run.stored;
    const current = await runOnCurrentData(ctx, saved.settings);
    const zone = await lookupFor(ctx, saved, current);
    const diff = compareRuns(saved, current);
    const cell = (c: Parameters<typeof toFigureCell>[0] | null) => (c ? toFigureCell(c) : null);
    return Object.assign(new SelectionRerun(), {
      result: toSelectionView(current.settings, current.snapshot, current.outcome, current.engineVersion, zone),
      selectionChanged: diff.selectionChanged,
      savedSelected: diff.savedSelected.map(zone) as Zone[],
      currentSelected: diff.currentSelected.map(zone) as Zone[],
      moves: diff.moves.map((m) =>
        Object.assign(new StandingMove(), {
          zone: zone(m.zoneId),
          savedStanding: m.saved.standing as ZoneStanding,
          savedRank: m.saved.rank,
          savedScore: m.saved.score,
          currentStanding: m.current.standing as ZoneStanding,
          currentRank: m.current.rank,
          currentScore: m.current.score,
        }),
      ),
      figureChanges: diff.figureChanges.map((f) =>
        Object.assign(new FigureChange(), { zone: zone(f.zoneId), indicator: f.indicator, saved: cell(f.saved), current: cell(f.current) }),
      ),
    });
  }
}
