import 'server-only';
import { headers } from 'next/headers';
import { clientIpFrom } from '@/lib/auth/client-ip';

export async function requestIp(): Promise<string | null> {
  return clientIpFrom((await headers()).get('x-forwarded-for'));
}
