/**
 * decisions.openVotes: every vote taking ballots now, soonest deadline first, each saying whether
 * a flat the caller votes for (as owner, or as a proxy for its owner) has no ballot yet — what the
 * home page lists and what puts "尚未投票" on the 议事 tab. Requests: the open decisions, the
 * caller's units and proxies side by side, then one read of the ballots per open vote.
 */
import type { OpenVotesView, OpenVoteView } from '../../typings/api';
import { type Ballot, type Decision, anchorOf, ballotId } from '../../core/decisions';
import type { Unit } from '../../core/registry/model';
import { allows, unitRights } from '../../core/registry/rights';
import type { UseCaseContext } from '../auth/guard';
import { readAll, readByIds } from '../repository/readAll';
import { proxiesHeldBy } from './access';
import { summaryView } from './views';

export async function openVotes(ctx: UseCaseContext): Promise<OpenVotesView> {
  const caller = await ctx.caller();
  const member = caller.member;
  const unitIds = member?.unitIds ?? [];
  const [decisions, units, proxies] = await Promise.all([
    readAll<Decision>(ctx.db, 'decisions', { status: 'open' }),
    unitIds.length ? readByIds<Unit>(ctx.db, 'units', unitIds) : Promise.resolve([]),
    member && unitIds.length ? proxiesHeldBy(ctx, caller.openid) : Promise.resolve([]),
  ]);
  const running = decisions
    .map((d) => ({ decision: d, summary: summaryView(d, ctx.now) }))
    .filter((d) => d.summary.votingOpen)
    .sort((x, y) => deadline(x.decision) - deadline(y.decision));
  const votes = await Promise.all(
    running.map(async ({ decision, summary }): Promise<OpenVoteView> => {
      const mine = units.filter((unit) =>
        allows(unitRights({ member, unit, proxies, now: ctx.now }).vote, decision._id),
      );
      const electorate = decision.electorate;
      // One ballot covers all the flats of one owner: look it up under the flat it is kept by.
      const ids = [
        ...new Set(
          mine.map((u) => ballotId(decision._id, electorate ? anchorOf(electorate, u._id) : u._id)),
        ),
      ];
      const ballots = ids.length ? await readByIds<Ballot>(ctx.db, 'ballots', ids) : [];
      const cast = new Set(ballots.map((b) => b._id));
      return {
        id: decision._id,
        title: decision.title,
        closesAt: summary.closesAt,
        canVote: ids.length > 0,
        notVoted: ids.filter((id) => !cast.has(id)).length,
      };
    }),
  );
  return { votes, pending: votes.filter((v) => v.notVoted > 0).length };
}

/** A vote without a deadline sorts last: it is not the one that runs out first. */
function deadline(d: Decision): number {
  const at = d.closesAt ? Date.parse(d.closesAt) : NaN;
  return Number.isFinite(at) ? at : Number.MAX_SAFE_INTEGER;
}
