// The one place a user row becomes a policy Actor. Sessions, notifications and the digest all
// build it here, with the user's teams: an editor without them is not staff, so a follower rebuilt
// without teams silently missed every internal comment.
import type { Prisma } from '../db/generated/client';
import type { Actor, Role } from '../policies';

/** The columns `actorFromUser` needs: select them with `{ select: ACTOR_SELECT }` or spread it into a wider select. */
export const ACTOR_SELECT = {
	id: true,
	displayName: true,
	roles: true,
	teams: { select: { ownerId: true } }
} as const satisfies Prisma.UserSelect;

export interface ActorRow {
	id: string;
	displayName: string;
	roles: readonly string[];
	teams: readonly { ownerId: string }[];
}

export function actorFromUser(user: ActorRow): Actor {
	return { id: user.id, displayName: user.displayName, roles: user.roles as Role[], teamIds: user.teams.map((team) => team.ownerId) };
}
