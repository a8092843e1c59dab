"""The cache of valid files: the same findings as a run without it, whatever happened since."""

from __future__ import annotations

import os
import pickle
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import collectif
from collectif.model.entries import TimeEntry
from collectif.store import (
    cache,
    load,
    source,
)
from collectif.store.source import Worktree
from tests.helpers import check_json, git, git_repo, repo_at, run, write

EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "example"
AS_OF = "2026-11-26"
BROKEN_MEMBER = "name: Zoé\nemail: zoe@example.org\njoined: 2026-13-01\n"
UNKNOWN_REF = (
    "- date: 2026-10-05\n  hours: 2\n  kind: support\n  ref: nowhere\n  note: rapprochement\n"
)


def example(root: Path) -> Path:
    """The example collective, a broken file and an unknown ref added, committed."""
    shutil.copytree(EXAMPLE, root)
    write(root, "members/zoe.yaml", BROKEN_MEMBER)
    write(root, "contributions/camille/2026-10.yaml", UNKNOWN_REF)
    return git_repo(root)


def cache_folder(root: Path) -> Path:
    return root / ".git" / "collectif" / "cache"


def same_as_without_cache(root: Path, *args: str) -> dict[str, Any]:
    """Check with the cache, twice (cold or warm, then warm), and without it: all the same."""
    code, cached = check_json(root, "--as-of", AS_OF, *args)
    again_code, again = check_json(root, "--as-of", AS_OF, *args)
    plain_code, plain = check_json(root, "--as-of", AS_OF, "--no-cache", *args)
    assert (code, cached) == (plain_code, plain)
    assert (again_code, again) == (plain_code, plain)
    return cached


def test_a_warm_cache_gives_what_a_cold_run_gives(tmp_path: Path) -> None:
    root = example(tmp_path / "repo")
    document = same_as_without_cache(root)
    assert {"schema", "references"} <= {finding["check"] for finding in document["findings"]}
    assert len(list(cache_folder(root).glob("blobs-*"))) > 10


def test_edits_renames_and_deletions(tmp_path: Path) -> None:
    root = example(tmp_path / "repo")
    same_as_without_cache(root)
    march = root / "contributions/camille/2026-03.yaml"
    march.write_text(march.read_text().replace("hours: 2\n", "hours: 7\n", 1))
    same_as_without_cache(root)
    git(root, "mv", "contributions/claire/2026-03.yaml", "contributions/claire/2027-03.yaml")
    same_as_without_cache(root)
    (root / "members/aurelie.yaml").unlink()
    same_as_without_cache(root)
    git(root, "mv", "members/camille.yaml", "projects/camille.yaml")  # same bytes, other kind
    same_as_without_cache(root)
    write(root, "members/zoe.yaml", BROKEN_MEMBER.replace("2026-13-01", "2026-01-01"))
    same_as_without_cache(root)
    write(root, "contributions/camille/2026-10.yaml", UNKNOWN_REF.replace("nowhere", "x y"))
    same_as_without_cache(root)


def test_a_change_that_keeps_the_size_and_the_time_is_seen(tmp_path: Path) -> None:
    root = example(tmp_path / "repo")
    path = root / "contributions/camille/2026-03.yaml"
    old = path.stat()
    os.utime(path, ns=(old.st_atime_ns - 10**10, old.st_mtime_ns - 10**10))  # long ago
    same_as_without_cache(root)
    before = path.stat()
    path.write_text(path.read_text().replace("hours: 2\n", "hours: 9\n", 1))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    same_as_without_cache(root)


def test_staged_changes_and_changes_not_staged(tmp_path: Path) -> None:
    root = example(tmp_path / "repo")
    same_as_without_cache(root)
    same_as_without_cache(root, "--staged")
    write(root, "members/zoe.yaml", BROKEN_MEMBER.replace("2026-13-01", "2026-01-01"))
    git(root, "add", "members/zoe.yaml")
    write(root, "contributions/camille/2026-10.yaml", UNKNOWN_REF.replace("nowhere", "site"))
    staged = same_as_without_cache(root, "--staged")
    worktree = same_as_without_cache(root)
    assert staged["source"] == "index" and worktree["source"] == "worktree"
    assert staged["findings"] != worktree["findings"]
    same_as_without_cache(root, "--rev", "HEAD")
    _, document = check_json(root, "--as-of", AS_OF, "--rev", "HEAD")
    assert document["source"].startswith("rev:")


def test_diff_with_and_without_the_cache(tmp_path: Path) -> None:
    root = example(tmp_path / "repo")
    write(root, "contributions/camille/2026-10.yaml", UNKNOWN_REF.replace("nowhere", "site"))
    args = ("diff", "HEAD", "--repo", str(root), "--as-of", AS_OF, "--format", "json")
    cold, warm, plain = run(*args), run(*args), run(*args, "--no-cache")
    assert cold.stdout == warm.stdout == plain.stdout
    assert cold.returncode == warm.returncode == plain.returncode


def test_a_damaged_cache_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    root = example(tmp_path / "repo")
    same_as_without_cache(root)
    shards = sorted(cache_folder(root).glob("blobs-*"))
    shards[0].write_bytes(shards[0].read_bytes()[:-20])  # truncated
    shards[1].write_bytes(b"\0" * 100)  # garbage
    data = bytearray(shards[2].read_bytes())
    data[-5] ^= 0xFF  # one flipped byte: the checksum tells
    shards[2].write_bytes(bytes(data))
    for stats in cache_folder(root).glob("worktree-*"):
        stats.write_bytes(b"not a cache")
    same_as_without_cache(root)
    for shard in shards[:3]:
        assert cache.decode(shard.read_bytes()) is not None  # written again, whole


def test_hashes_of_the_wrong_shape_are_not_trusted(tmp_path: Path) -> None:
    root = example(tmp_path / "repo")
    same_as_without_cache(root)
    odd = {"members/camille.yaml": 5, "members/leo.yaml": ("x",), "collectif.yaml": (1, 2)}
    for stats in cache_folder(root).glob("worktree-*"):
        stats.write_bytes(cache.encode(odd, values=False))
    same_as_without_cache(root)


def test_a_cache_of_another_version_is_ignored(tmp_path: Path) -> None:
    root = example(tmp_path / "repo")
    same_as_without_cache(root)
    for shard in cache_folder(root).glob("blobs-*"):
        data = shard.read_bytes()
        other = data.replace(collectif.__version__.encode(), b"0.0.0-other", 1)
        shard.write_bytes(other)
        with pytest.raises(ValueError):
            cache.decode(other)
    same_as_without_cache(root)


def test_a_new_version_ignores_what_the_old_one_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = example(tmp_path / "repo")
    same_as_without_cache(root)
    store = cache.Cache(cache_folder(root))
    blobs = source.index(repo_at(root)).blobs
    oid = blobs["members/camille.yaml"].oid
    assert store.get("member", oid) is not None
    monkeypatch.setattr(collectif, "__version__", "99.0")
    cache.fingerprint.cache_clear()
    try:
        assert cache.Cache(cache_folder(root)).get("member", oid) is None
    finally:
        monkeypatch.undo()
        cache.fingerprint.cache_clear()


class Boom:
    """An object whose unpickling would run a command."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (os.system, ("touch pwned",))


def test_a_crafted_pickle_cannot_run_code(tmp_path: Path) -> None:
    root = example(tmp_path / "repo")
    same_as_without_cache(root)
    crafted = cache.encode(({"x:member": Boom()}, {}))  # a right header, a hostile payload
    for shard in cache_folder(root).glob("blobs-*"):
        shard.write_bytes(crafted)
    with pytest.raises(ValueError):
        cache.decode(crafted)
    with pytest.raises(pickle.UnpicklingError):
        cache.safe_loads(pickle.dumps(Boom()))
    same_as_without_cache(root)
    assert not (root / "pwned").exists() and not Path("pwned").exists()


def test_only_dates_decimals_and_models_are_unpickled() -> None:
    from collectif.model import files
    from collectif.model.files import Member, Record, written
    from collectif.model.rules import validate

    member = validate(Member, {"name": "A", "email": "a@b.cd", "joined": "2020-01-01"})
    value = [date(2026, 3, 4), Decimal("1.50"), member, {"a": (1, None, "x")}]
    loaded = cache.safe_loads(pickle.dumps(value, protocol=5))
    assert loaded == value
    assert written(loaded[2]) == written(member) == {"name", "email", "joined"}
    entry = TimeEntry(date(2026, 3, 4), Decimal(1), "meeting")
    for foreign in (Path("x"), entry, Boom, Record(), files.Key("a", "b", True)):
        with pytest.raises(pickle.UnpicklingError):
            cache.safe_loads(pickle.dumps(foreign, protocol=5))


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    root = example(tmp_path / "repo")
    check_json(root, "--as-of", AS_OF, "--no-cache")
    check_json(root, "--as-of", AS_OF, "--no-cache", "--staged")
    assert not (root / ".git" / "collectif").exists()


def test_no_cache_outside_git(tmp_path: Path) -> None:
    root = tmp_path / "plain"
    shutil.copytree(EXAMPLE, root)
    code, document = check_json(root, "--as-of", AS_OF)
    assert (code, document) == check_json(root, "--as-of", AS_OF, "--no-cache")
    assert cache.open_cache(None) is None
    assert sorted(p.name for p in root.iterdir()) == sorted(p.name for p in EXAMPLE.iterdir())


def test_the_index_reads_no_blob_the_work_tree_check_cached(tmp_path: Path) -> None:
    root = example(tmp_path / "repo")
    same_as_without_cache(root)
    repository = repo_at(root)
    store = cache.open_cache(repository)
    assert store is not None
    staged = source.index(repository)
    collective = load.load(staged, store=store)
    # Only the files with findings (never cached) were read from git.
    assert set(repository._blobs) == {staged.blobs["members/zoe.yaml"].oid}
    assert collective.contributions == load.load(Worktree(root)).contributions


def test_values_come_back_exactly(tmp_path: Path) -> None:
    store = cache.Cache(tmp_path / "cache")
    entries = (
        TimeEntry(date(2026, 3, 4), Decimal("1.50"), "support", "tresorerie"),
        TimeEntry(date(2026, 3, 5), Decimal("1.5"), "meeting", None),
        TimeEntry(date(2026, 3, 5), Decimal("-0"), "project", "site"),
    )
    store.put("contribution", "ab" + "0" * 38, entries)
    store.put("contribution", "ab" + "1" * 38, ())
    store.save()
    again = cache.Cache(tmp_path / "cache")
    found = again.get("contribution", "ab" + "0" * 38)
    assert found == entries
    assert [str(entry.hours) for entry in found] == ["1.50", "1.5", "-0"]
    assert all(type(entry) is TimeEntry for entry in found)
    assert again.get("contribution", "ab" + "1" * 38) == ()
    assert again.get("member", "ab" + "0" * 38) is None


def test_a_shard_keeps_what_is_used_and_forgets_old_versions(tmp_path: Path) -> None:
    store = cache.Cache(tmp_path / "cache")
    entry = (TimeEntry(date(2026, 3, 4), Decimal(1), "meeting"),)
    for number in range(10):
        store.put("contribution", f"ab{number:038d}", entry)
    store.save()
    later = cache.Cache(tmp_path / "cache")
    assert later.get("contribution", f"ab{0:038d}") == entry
    later.put("contribution", "ab" + "f" * 38, entry)
    later.save()  # two used, ten not: the unused go
    last = cache.Cache(tmp_path / "cache")
    assert last.get("contribution", f"ab{0:038d}") == entry
    assert last.get("contribution", "ab" + "f" * 38) == entry
    assert last.get("contribution", f"ab{5:038d}") is None


def test_blob_ids_are_git_s(tmp_path: Path) -> None:
    root = example(tmp_path / "repo")
    store = cache.open_cache(repo_at(root))
    assert store is not None
    worktree = Worktree(root)
    ids = store.worktree(root, worktree.listing(with_stat=True), worktree.read).blobs
    assert ids == {path: blob.oid for path, blob in source.index(repo_at(root)).blobs.items()}
