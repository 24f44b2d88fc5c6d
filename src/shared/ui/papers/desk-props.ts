// What every printed paper takes from the device's own records: the issuing unit (from the commune)
// and the citizen addressed (from the intake form). Shared by the intake and dossier features.
import { provinceName } from '../../../domain/geo';
import type { PersonEntry } from '../../../domain/intake';
import type { CommuneInfo } from '../../../db';
import type { PaperPerson, PaperUnit } from './types';

/** "Xã Bản Mẫu" → "UBND xã Bản Mẫu", under "UBND Tỉnh Lào Cai", as papers head their issuer. */
export function paperUnit(commune: CommuneInfo): PaperUnit {
  const unit = commune.name.charAt(0).toLowerCase() + commune.name.slice(1);
  const province = provinceName(commune.provinceCode);
  return {
    name: `UBND ${unit}`,
    parentName: province ? `UBND ${province}` : undefined,
    agencyCode: commune.agencyCode,
    place: commune.name.replace(/^(Xã|Phường|Đặc khu)\s+/, '').replace(/\s*\(.*\)$/, ''),
  };
}

export function paperPerson(p: PersonEntry): PaperPerson {
  return { fullName: p.fullName, idNumber: p.idNumber, address: p.address, phone: p.phone || undefined, email: p.email || undefined };
}
