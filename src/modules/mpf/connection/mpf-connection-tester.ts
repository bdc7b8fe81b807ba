import { Injectable } from '@nestjs/common';
import { DomainError } from '../../shared/errors/domain.error';
import type { ConnectionCheckDto, ConnectionTestResponseDto } from './dto/connection-test-response.dto';
import { ExchangeGateway, type ExchangeLink } from './exchange-gateway';

const NO_SUCH_OBJECT = '0x80072030';

function failed(name: ConnectionCheckDto['name'], error: unknown): ConnectionCheckDto {
  if (!(error instanceof DomainError)) throw error;
  return {
    name,
    status: 'failed',
    message: error.detail,
    code: error.code,
    ...(Object.keys(error.meta).length > 0 && { meta: error.meta }),
  };
}

/**
 * Tests the stored connection the way provisioning will use it, reporting each check on its own:
 * (a) an MPF call with the stored credentials, (b) an LDAP bind with the same credentials, (c) the reseller OU exists.
 */
@Injectable()
export class MpfConnectionTester {
  constructor(private readonly gateway: ExchangeGateway) {}

  async run(): Promise<ConnectionTestResponseDto> {
    const link = await this.gateway.open();
    const [mpf, bind] = await Promise.all([this.checkMpf(link), this.checkBind(link)]);
    const ou: ConnectionCheckDto =
      bind.status === 'passed'
        ? await this.checkResellerOu(link)
        : { name: 'resellerOu', status: 'skipped', message: 'Not checked: the directory bind failed' };
    const checks = [mpf, bind, ou];
    return { ok: checks.every((check) => check.status === 'passed'), checks };
  }

  private async checkMpf({ connection, mpf }: ExchangeLink): Promise<ConnectionCheckDto> {
    const account = `${connection.endpoint.domain}\\${connection.endpoint.login}`;
    const passed: ConnectionCheckDto = {
      name: 'mpf',
      status: 'passed',
      message: `MPF answered and accepted ${account}`,
    };
    try {
      await mpf.getProperties(connection.resellerDn, ['distinguishedName']);
      return passed;
    } catch (error) {
      // MPF authenticated us and answered; whether the OU exists is the third check's verdict.
      if (error instanceof DomainError && error.meta.mpfCode === NO_SUCH_OBJECT) return passed;
      return failed('mpf', error);
    }
  }

  private async checkBind({ connection, directory }: ExchangeLink): Promise<ConnectionCheckDto> {
    try {
      await directory.verifyBind();
      return {
        name: 'directory',
        status: 'passed',
        message: `Bound to ${connection.directory.url} as ${connection.directory.bindUser}`,
      };
    } catch (error) {
      return failed('directory', error);
    }
  }

  private async checkResellerOu({ connection, directory }: ExchangeLink): Promise<ConnectionCheckDto> {
    try {
      const entry = await directory.findByDn(connection.resellerDn, ['objectClass']);
      if (entry)
        return {
          name: 'resellerOu',
          status: 'passed',
          message: `The reseller OU ${connection.resellerDn} exists`,
        };
      return {
        name: 'resellerOu',
        status: 'failed',
        code: 'NOT_FOUND',
        message: `The reseller OU ${connection.resellerDn} does not exist in the directory: create it or correct the LDAP path`,
      };
    } catch (error) {
      return failed('resellerOu', error);
    }
  }
}
