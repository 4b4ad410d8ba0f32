"""Where okrcoach keeps its files: one injectable place, nothing created at import.

Resolution order for the data folder: an explicit ``--data-dir``, then
``OKRCOACH_DATA_DIR``, then platformdirs' user data folder. The config folder
follows ``OKRCOACH_CONFIG_DIR`` or platformdirs' user config folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "okrcoach"
DATA_FILE = "okrcoach.json"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path

    @property
    def data_file(self) -> Path:
        return self.data_dir / DATA_FILE

    @property
    def cycles_dir(self) -> Path:
        """Each cycle's objectives, key results and check-ins: ``cycles/<id>.json``."""
        return self.data_dir / "cycles"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "okrcoach.lock"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.toml"

    @property
    def user_themes_dir(self) -> Path:
        return self.config_dir / "themes"

    def files_stamp(self) -> str:
        """A fingerprint of the saved files (the main file, every cycle file, the settings):
        it changes whenever any of them is written, since every save replaces its file.
        Cheap (one stat per file) and never raises: a missing file is part of the stamp."""
        files = [self.data_file, self.settings_file]
        try:
            with os.scandir(self.cycles_dir) as entries:
                files.extend(Path(e.path) for e in entries if e.name.endswith(".json"))
        except OSError:
            pass
        parts = []
        for path in sorted(files):
            try:
                st = path.stat()
            except OSError:
                parts.append(f"{path.name}:-")
                continue
            parts.append(f"{path.name}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}")
        return "|".join(parts)

    def ensure_data_dir(self) -> Path:
        """Create the data folder (0700) on first use, not before."""
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        return self.data_dir

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        import platformdirs

        env = os.environ
        if data_dir is None:
            data_dir = env.get("OKRCOACH_DATA_DIR") or None
        data = (
            Path(data_dir).expanduser()
            if data_dir
            else platformdirs.user_data_path(APP_NAME, appauthor=False)
        )
        config_env = env.get("OKRCOACH_CONFIG_DIR")
        config = (
            Path(config_env).expanduser()
            if config_env
            else platformdirs.user_config_path(APP_NAME, appauthor=False)
        )
        return cls(data_dir=data.absolute(), config_dir=config.absolute())
