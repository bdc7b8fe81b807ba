import { DomainError, type FieldError } from '../../../shared/errors/domain.error';
import { ErrorCode } from '../../../shared/errors/error-code.enum';
import { validateInput } from '../../../shared/validation/validate-input';
import { MailingPlanImportDto } from '../dto/mailing-plan-import.dto';
import { parseHsphereXml } from './hsphere-xml.parser';
import {
  checkCandidates,
  MAX_IMPORT_CONTENT_BYTES,
  type ImportedPlan,
  type PlanCandidate,
} from './imported-plan';

export interface ImportRequest {
  plans: ImportedPlan[];
  confirmShrink: boolean;
}

/**
 * The import body, read and checked without touching the catalogue: `{format: 'hsphere-xml', content}` or
 * `{format: 'json', plans: [...]}`. A file over 1 MB is PAYLOAD_TOO_LARGE (413); any other problem is
 * VALIDATION_FAILED naming every plan and value at fault.
 */
export async function readImportRequest(input: unknown): Promise<ImportRequest> {
  const dto = await validateInput(MailingPlanImportDto, input);
  const misplaced: FieldError[] = [];
  if (dto.format === 'json' && dto.content !== undefined) {
    misplaced.push({
      field: 'content',
      rule: 'format',
      message: 'content is for format hsphere-xml; send plans',
    });
  }
  if (dto.format === 'hsphere-xml' && dto.plans !== undefined) {
    misplaced.push({ field: 'plans', rule: 'format', message: 'plans is for format json; send content' });
  }
  if (misplaced.length > 0) throw DomainError.validation(misplaced);

  const confirmShrink = dto.confirmShrink === true;
  if (dto.format === 'json') {
    const notObjects: FieldError[] = [];
    const candidates: PlanCandidate[] = dto.plans!.flatMap((raw, index) => {
      if (raw !== null && typeof raw === 'object' && !Array.isArray(raw))
        return [{ index, raw: raw as Record<string, unknown>, sources: {}, extraFeatures: [] }];
      notObjects.push({
        field: `plans[${index}]`,
        rule: 'isObject',
        message: 'each plan must be a JSON object',
      });
      return [];
    });
    return { plans: await checkCandidates(candidates, notObjects), confirmShrink };
  }

  const bytes = Buffer.byteLength(dto.content!, 'utf8');
  if (bytes > MAX_IMPORT_CONTENT_BYTES) {
    throw new DomainError(
      ErrorCode.PAYLOAD_TOO_LARGE,
      `The mailing-plan file is ${bytes} bytes; at most ${MAX_IMPORT_CONTENT_BYTES} (1 MB) are accepted`,
      {
        errors: [
          {
            field: 'content',
            rule: 'maxBytes',
            message: `must be at most ${MAX_IMPORT_CONTENT_BYTES} bytes`,
          },
        ],
      },
    );
  }
  const { candidates, errors } = parseHsphereXml(dto.content!);
  return { plans: await checkCandidates(candidates, errors), confirmShrink };
}
