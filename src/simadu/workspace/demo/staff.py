"""The demo staff: one account per role, all with the documented DEMO_PASSWORD."""

from __future__ import annotations

from dataclasses import dataclass

from simadu.accounts.models import Role, User

DEMO_PASSWORD = "simadu-demo-2026"  # noqa: S105  # nosec B105  # documented, demo accounts only


class DemoDataError(Exception):
    """The demo data set cannot be loaded into this database."""


@dataclass(frozen=True)
class DemoAccount:
    username: str
    first_name: str
    last_name: str
    role: str
    unit: str | None
    wbs_team: bool = False

    @property
    def admin(self) -> bool:
        return self.role == Role.ADMIN


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("verifikator", "Rina", "Marlina", Role.VERIFIER, "itjen"),
    DemoAccount("verifikator.wbs", "Andi", "Prasetyo", Role.VERIFIER, "itjen", wbs_team=True),
    DemoAccount("auditor", "Dewi", "Anggraini", Role.AUDITOR, "itjen", wbs_team=True),
    DemoAccount("petugas.phi", "Bambang", "Sutrisno", Role.UNIT_OFFICER, "ditjen_phi_jamsos"),
    DemoAccount("petugas.pusdatin", "Yusuf", "Hidayat", Role.UNIT_OFFICER, "pusdatin"),
    DemoAccount("petugas.binwasnaker", "Siti", "Rahmawati", Role.UNIT_OFFICER, "ditjen_binwasnaker_k3"),
    DemoAccount("petugas.binapenta", "Agus", "Setiawan", Role.UNIT_OFFICER, "ditjen_binapenta_pkk"),
    # Every internal unit answers its own cases in the demo, so these three have an officer too.
    DemoAccount("petugas.binalavotas", "Nurul", "Aini", Role.UNIT_OFFICER, "ditjen_binalavotas"),
    DemoAccount("petugas.setjen", "Lestari", "Handayani", Role.UNIT_OFFICER, "setjen"),
    DemoAccount("petugas.barenbang", "Rizky", "Maulana", Role.UNIT_OFFICER, "barenbang"),
    # Itjen's leadership approves the closure of every examination, WBS ones included.
    DemoAccount("pimpinan", "Hendra", "Wijaya", Role.LEADERSHIP, "itjen", wbs_team=True),
    DemoAccount("admin", "Fajar", "Nugroho", Role.ADMIN, None),
)


# --- staff --------------------------------------------------------------------------------------


def demo_staff() -> dict[str, User]:
    users = {}
    for account in DEMO_ACCOUNTS:
        user = User.objects.filter(username=account.username).first()
        if user is None:
            user = User.objects.create_user(
                username=account.username,
                password=DEMO_PASSWORD,
                first_name=account.first_name,
                last_name=account.last_name,
                email=f"{account.username}@demo.example.org",
                role=account.role,
                unit_id=account.unit,
                wbs_team=account.wbs_team,
                is_staff=account.admin,
                is_superuser=account.admin,
            )
        elif (user.role, user.unit_id, user.wbs_team) != (account.role, account.unit, account.wbs_team):
            raise DemoDataError(
                f"akun '{account.username}' sudah ada dengan peran atau unit lain; data demo tidak dimuat"
            )
        users[account.username] = user
    return users


@dataclass
class Actors:
    users: dict[str, User]

    def officer(self, unit: str) -> User:
        if unit == "itjen":
            return self.users["auditor"]
        return next(u for u in self.users.values() if u.role == Role.UNIT_OFFICER and u.unit_id == unit)
