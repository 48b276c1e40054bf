// Chooses how the state store writes objects and moves refs: in-process in git's own formats when the
// repository's layout is one this code knows (sha1 or sha256 objects, the "files" ref backend), else
// through git processes. Asked once per store: a few git processes, then none per write.
import { gitProcessObjects, gitTimestamp, looseObjects, withoutTime, type ObjectWriter } from "./git-objects.js";
import { gitProcessRefs, looseRefs, type RefStore } from "./git-refs.js";
import type { Git } from "./git.js";

export interface RepositoryWriters {
  objects: ObjectWriter;
  refs: RefStore;
}

export function gitProcessWriters(git: Git): RepositoryWriters {
  return { objects: gitProcessObjects(git), refs: gitProcessRefs(git) };
}

export async function repositoryWriters(git: Git): Promise<RepositoryWriters> {
  const processes = gitProcessWriters(git);
  const layout = await git.layout();
  if (layout.format !== "sha1" && layout.format !== "sha256") return processes;
  const [author, committer] = await Promise.all([git.ident("author"), git.ident("committer")]);
  // A date fixed by the environment is kept as git would keep it; otherwise each object gets its moment.
  const who = (ident: string) => (git.fixedDates ? ident : withoutTime(ident));
  const objects = looseObjects({ objectsDir: layout.objectsDir, format: layout.format }, { author: who(author), committer: who(committer) });
  const refs =
    layout.refStorage === "files"
      ? looseRefs({ commonDir: layout.commonDir, logBranches: !layout.bare, committer: withoutTime(committer) }, processes.refs, () =>
          gitTimestamp(new Date()),
        )
      : processes.refs;
  return { objects, refs };
}
