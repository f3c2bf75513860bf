import 'server-only';
import { headers } from 'next/headers';
import { CLIENT_ADDRESS_HEADER, clientIpFrom } from '@/lib/auth/client-ip';

export async function requestIp(): Promise<string | null> {
  return clientIpFrom((await headers()).get(CLIENT_ADDRESS_HEADER));
}
